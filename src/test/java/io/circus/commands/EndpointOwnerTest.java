package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.circus.config.ArbiterSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** add under endpoint_owner: the user the ipc controller socket was given to starts nothing as another user. */
@ExtendWith(VertxExtension.class)
class EndpointOwnerTest {

  @Test
  void withTheControllerOnAnIpcSocketGivenToAUserAddedWatchersMustRunAsThatUser(Vertx vertx) {
    CommandHarness circus = new CommandHarness(vertx, spec("ipc:///run/circus/circusd.sock", "nobody"));

    assertRefused(circus.call("add", props("name", "noUid", "cmd", "sleep 3630")));
    assertRefused(circus.call("add", props("name", "asRoot", "cmd", "sleep 3630", "options", props("uid", "root"))));
    assertRefused(circus.call("add", props("name", "asZero", "cmd", "sleep 3630", "options", props("uid", 0))));
    JsonObject asOwner = circus.call("add", props("name", "asOwner", "cmd", "sleep 3630", "options", props("uid", "nobody")));

    assertThat(asOwner.getString("status")).isEqualTo("ok");
    assertThat(circus.arbiter.watcher("asOwner")).isPresent();
    assertThat(circus.arbiter.watcher("noUid")).isEmpty();
  }

  @Test
  void withATcpControllerEndpointOwnerRestrictsNothing(Vertx vertx) {
    CommandHarness circus = new CommandHarness(vertx, spec(ArbiterSpec.DEFAULT_ENDPOINT, "nobody"));

    assertThat(circus.call("add", props("name", "noUid", "cmd", "sleep 3631")).getString("status")).isEqualTo("ok");
  }

  private static void assertRefused(JsonObject reply) {
    assertThat(reply.getString("status")).isEqualTo("error");
    assertThat(reply.getInteger("errno")).isEqualTo(3);
    assertThat(reply.getString("reason")).isEqualTo("uid does not match endpoint_owner");
  }

  private static ArbiterSpec spec(String endpoint, String owner) {
    ArbiterSpec d = ArbiterSpec.defaults();
    return new ArbiterSpec(endpoint, owner, d.pubsubEndpoint(), d.papaEndpoint(), d.statsd(), d.statsEndpoint(),
        d.statsdCloseOutputs(), d.multicastEndpoint(), d.checkDelay(), d.streamBackend(), d.warmupDelay(), d.httpd(),
        d.httpdHost(), d.httpdPort(), d.httpdCloseOutputs(), d.debug(), d.debugGc(), d.pidfile(), d.umask(), d.loglevel(),
        d.logoutput(), d.loggerconfig(), d.fqdnPrefix());
  }
}

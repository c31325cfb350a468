package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class CircusConfigReaderTest {

  @TempDir
  Path dir;

  @Test
  void readsAndValidatesThroughConfigRetriever(Vertx vertx, VertxTestContext test) {
    ConfigFixture f = new ConfigFixture(dir);
    f.write("conf.d/web.ini", "[watcher:web]\ncmd = $(circus.env.APP) --fd $(circus.sockets.web)\n[socket:web]\nport = 0\n");
    Path main = f.write("circus.ini", "[circus]\ninclude_dir = conf.d\ncheck_delay = 2\n[env]\nAPP = /srv/app\n");
    CircusConfigReader.read(vertx, main, Map.of()).onComplete(test.succeeding(config -> test.verify(() -> {
      assertThat(config.file()).isEqualTo(main.toString());
      assertThat(config.arbiter().checkDelay()).isEqualTo(2.0);
      assertThat(config.watchers()).singleElement().extracting(WatcherSpec::cmd).isEqualTo("/srv/app --fd $(circus.sockets.web)");
      assertThat(config.watchers().get(0).source()).isEqualTo(dir.resolve("conf.d/web.ini") + ":1");
      test.completeNow();
    })));
  }

  @Test
  void givesTheSameConfigurationAsTheSynchronousLoader(Vertx vertx, VertxTestContext test) {
    ConfigFixture f = new ConfigFixture(dir);
    f.write("inc/a.ini", "[watcher:a]\ncmd = sleep 1\nstdout_stream.filename = a.log\n[env:a]\nP = $PATH:/x\n");
    Path main = f.write("circus.ini", "[circus]\ninclude = inc/*.ini nomatch*.ini\n[plugin:p]\nuse = a.B\n");
    Map<String, String> env = Map.of("PATH", "/bin");
    CircusConfigReader.read(vertx, main, env).onComplete(test.succeeding(config -> test.verify(() -> {
      assertThat(config).isEqualTo(ConfigLoader.load(main, env));
      test.completeNow();
    })));
  }

  @Test
  void failsWithEveryErrorOfTheConfiguration(Vertx vertx, VertxTestContext test) {
    Path main = new ConfigFixture(dir).write("circus.ini", "[circus]\nloglevel = loud\n[watcher:w]\nnumprocesses = x\n");
    expectErrors(vertx, test, main, errors -> assertThat(errors)
        .extracting(ConfigError::option).containsExactlyInAnyOrder("loglevel", "numprocesses", "cmd"));
  }

  @Test
  void syntaxErrorsOfIncludedFilesFailTheRead(Vertx vertx, VertxTestContext test) {
    ConfigFixture f = new ConfigFixture(dir);
    f.write("bad.ini", "[watcher:x]\nnot an option\n");
    Path main = f.write("circus.ini", "[circus]\ninclude = bad.ini\n");
    expectErrors(vertx, test, main, errors -> assertThat(errors).singleElement()
        .satisfies(c -> assertThat(c.expected()).startsWith("line 2:")));
  }

  @Test
  void aMissingFileFailsWithCircussWording(Vertx vertx, VertxTestContext test) {
    Path missing = dir.resolve("none.ini");
    expectErrors(vertx, test, missing, errors -> assertThat(errors).singleElement().extracting(ConfigError::expected)
        .isEqualTo("the configuration file '" + missing + "' does not exist"));
  }

  @Test
  void theIniFormatGivesTheResolvedDocumentWithFilesAndLines(Vertx vertx, VertxTestContext test) {
    ConfigFixture f = new ConfigFixture(dir);
    Path inc = f.write("inc.ini", "[watcher:w]\ncmd = x\n");
    Path main = f.write("circus.ini", "[circus]\ninclude = inc.ini\n");
    ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions().setScanPeriod(0).addStore(
        new ConfigStoreOptions().setType("file").setFormat("ini").setConfig(new JsonObject().put("path", main.toString()))));
    retriever.getConfig().eventually(retriever::close).onComplete(test.succeeding(json -> test.verify(() -> {
      IniDocument doc = IniJson.fromJson(json);
      assertThat(doc.mainFile()).isEqualTo(main.toString());
      assertThat(doc.section("watcher:w").orElseThrow().option("cmd").orElseThrow())
          .isEqualTo(new IniOption("cmd", "x", inc.toString(), 2));
      test.completeNow();
    })));
  }

  @Test
  void theJsonFormRoundTrips() {
    IniDocument doc = IniDocument.merge("m.ini", IniParser.parse("[DEFAULT]\na = 1\n[s]\nb = 2\n  3\n", "m.ini"), List.of("w"));
    assertThat(IniJson.fromJson(IniJson.toJson(doc))).isEqualTo(doc);
  }

  private static void expectErrors(Vertx vertx, VertxTestContext test, Path file, Consumer<List<ConfigError>> check) {
    CircusConfigReader.read(vertx, file, Map.of()).onComplete(test.failing(error -> test.verify(() -> {
      assertThat(error).isInstanceOfSatisfying(ConfigException.class, e -> check.accept(e.errors()));
      test.completeNow();
    })));
  }
}

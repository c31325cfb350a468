package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Checks a URL every {@code loop_rate} seconds (Circus's
 * {@code circus.plugins.http_observer.HttpObserver}): GET {@code check_url}
 * (http://localhost/) within {@code timeout} seconds (10). A 2xx answer sends its time to statsd
 * ({@code http_stats.request_time}, ms); anything else counts {@code http_stats.error} and
 * {@code http_stats.error.CODE} (599 when no answer came, as Circus reports it) and, with
 * {@code restart_on_error = WATCHER}, restarts that watcher.
 */
public final class HttpObserver extends StatsdObserver {

  private static final int NO_ANSWER = 599;

  private String checkUrl;
  private double timeout;
  private String restartOnError;
  private HttpClient http;

  @Override
  protected void configure(PluginOptions options) {
    super.configure(options);
    checkUrl = options.string("check_url", "http://localhost/");
    timeout = options.seconds("timeout", 10);
    restartOnError = options.optional("restart_on_error").filter(s -> !s.isBlank()).orElse(null);
  }

  @Override
  protected String defaultApplicationName() {
    return "http_observer";
  }

  @Override
  protected Future<?> handleInit() {
    http = vertx.createHttpClient();
    return super.handleInit();
  }

  @Override
  protected Future<?> handleStop() {
    return super.handleStop().eventually(() -> http.close());
  }

  @Override
  protected void lookAfter() {
    long started = System.nanoTime();
    long millis = Math.round(timeout * 1000);
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(checkUrl)
        .setConnectTimeout(millis).setIdleTimeout(millis);
    http.request(request)
        .compose(r -> r.send().compose(response -> response.body().map(body -> response)))
        .timeout(millis, java.util.concurrent.TimeUnit.MILLISECONDS)
        .onSuccess(response -> answered(response, (System.nanoTime() - started) / 1_000_000))
        .onFailure(e -> failed(NO_ANSWER));
  }

  private void answered(HttpClientResponse response, long millis) {
    if (response.statusCode() / 100 == 2) {
      statsd().timing("http_stats.request_time", millis);
    } else {
      failed(response.statusCode());
    }
  }

  private void failed(int code) {
    statsd().increment("http_stats.error");
    statsd().increment("http_stats.error." + code);
    if (restartOnError != null) {
      cast("restart", new JsonObject().put("name", restartOnError));
      statsd().increment("http_stats.restart_on_error");
    }
  }
}

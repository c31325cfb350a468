import io.circus.client.ZmqCircusClient;
import java.time.Duration;
import java.util.Arrays;

/**
 * Round-trip time of sequential {@code list} calls through the project's Java client
 * (io.circus.client.ZmqCircusClient), one call at a time:
 *
 * <pre>java -cp 'target/circus.jar:target/lib/*' bench/java/ListLatency.java ENDPOINT CALLS WARMUP</pre>
 *
 * Prints one JSON object: p50, p90, p99 and max in microseconds, and calls per second.
 */
public final class ListLatency {

  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    int calls = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    try (ZmqCircusClient client = ZmqCircusClient.connect(endpoint, Duration.ofSeconds(10))) {
      for (int i = 0; i < warmup; i++) {
        client.list().join();
      }
      long[] nanos = new long[calls];
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        client.list().join();
        nanos[i] = System.nanoTime() - t0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);
      System.out.printf("{\"p50_us\": %.1f, \"p90_us\": %.1f, \"p99_us\": %.1f, \"max_us\": %.1f, \"calls_per_s\": %.0f}%n",
          micros(nanos, 50), micros(nanos, 90), micros(nanos, 99), nanos[calls - 1] / 1e3, calls / seconds);
    }
  }

  /** Nearest-rank percentile, in microseconds. */
  private static double micros(long[] sorted, int percentile) {
    int rank = (int) Math.ceil(sorted.length * percentile / 100.0);
    return sorted[Math.max(0, rank - 1)] / 1e3;
  }
}

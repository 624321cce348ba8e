package dev.respite.it.sentinel;

import dev.respite.spi.RedisListener;
import dev.respite.testsupport.RawRedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Records the data source's primary switches (through the listener SPI) and prints one line of figures per
 * scenario ({@code SENTINEL-FIGURE ...}), which the README's reliability table quotes.
 */
final class FailoverFigures implements RedisListener {
  private final Queue<long[]> switches = new ConcurrentLinkedQueue<>();
  private final Queue<String> refreshes = new ConcurrentLinkedQueue<>();

  @Override
  public void primaryChanged(@Nullable String previous, String current) {
    if (previous != null) {
      switches.add(new long[] {System.nanoTime(), Integer.parseInt(current.substring(current.lastIndexOf(':') + 1))});
    }
  }

  @Override
  public void topologyRefreshed(String cause) {
    refreshes.add(cause);
  }

  /** When the data source switched to the node on {@code port}, or -1. */
  long switchedTo(int port) {
    for (long[] s : switches) {
      if (s[1] == port) {
        return s[0];
      }
    }
    return -1;
  }

  int switchCount() {
    return switches.size();
  }

  List<String> refreshes() {
    return new ArrayList<>(refreshes);
  }

  /** The acknowledged keys the node on {@code port} does not have. */
  static long missing(int port, List<String> keys) {
    long missing = 0;
    try (RawRedisClient client = new RawRedisClient(port)) {
      for (int from = 0; from < keys.size(); from += 500) {
        List<String> batch = keys.subList(from, Math.min(keys.size(), from + 500));
        List<String> args = new ArrayList<>();
        args.add("EXISTS");
        args.addAll(batch);
        long present = (Long) client.call(args.toArray(String[]::new));
        missing += batch.size() - present;
      }
    }
    return missing;
  }

  static void print(String scenario, Object... pairs) {
    StringBuilder line = new StringBuilder("SENTINEL-FIGURE scenario=" + scenario);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      line.append(' ').append(pairs[i]).append('=').append(pairs[i + 1]);
    }
    System.out.println(line);
  }
}

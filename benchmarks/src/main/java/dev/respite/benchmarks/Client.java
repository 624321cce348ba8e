package dev.respite.benchmarks;

import java.util.Locale;

/** The clients compared; the JMH parameter values and the suite's row labels are their {@link #label()}s. */
enum Client {
  RESPITE,
  /** Respite with {@code multiplex=2}: sessions share two connections until one needs its own (case 3 only). */
  RESPITE_MULTIPLEX,
  JEDIS,
  /** Lettuce's sync API on one shared {@code StatefulRedisConnection}, as Lettuce's docs advise. */
  LETTUCE,
  /** Lettuce's sync API on connections borrowed from {@code ConnectionPoolSupport} (commons-pool2). */
  LETTUCE_POOL;

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Client fromLabel(String label) {
    for (Client client : values()) {
      if (client.label().equals(label)) {
        return client;
      }
    }
    throw new IllegalArgumentException("unknown client '" + label + "'");
  }
}

package dev.respite.impl.sentinel;

import java.util.Set;

/** The {@code flags} field of Sentinel's instance replies, and which flags mean "do not use it". */
final class SentinelFlags {

  /** Subjectively or objectively down, or no link from the sentinel. */
  private static final Set<String> UNAVAILABLE = Set.of("s_down", "o_down", "disconnected");

  private SentinelFlags() {}

  /** {@code "slave,s_down,disconnected"} as a set; empty for an empty field. */
  static Set<String> parse(String flags) {
    return flags.isEmpty() ? Set.of() : Set.of(flags.split(","));
  }

  static boolean available(Set<String> flags) {
    return flags.stream().noneMatch(UNAVAILABLE::contains);
  }
}

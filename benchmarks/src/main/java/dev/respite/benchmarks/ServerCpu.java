package dev.respite.benchmarks;

import dev.respite.testsupport.RawRedisClient;
import java.util.Locale;

/**
 * The server's CPU time (user plus system, from {@code INFO cpu}) and the commands it processed (from
 * {@code INFO stats}) at one moment, read over a connection of its own; two samples give the server CPU
 * per million commands of what ran between them (the two INFO calls themselves count, negligibly).
 */
record ServerCpu(double cpuSeconds, long commands) {

  static ServerCpu sample(BenchmarkServer server) {
    try (RawRedisClient client = new RawRedisClient(server.host(), server.port())) {
      String cpu = (String) client.call("INFO", "cpu");
      String stats = (String) client.call("INFO", "stats");
      return new ServerCpu(field(cpu, "used_cpu_user") + field(cpu, "used_cpu_sys"),
          (long) field(stats, "total_commands_processed"));
    }
  }

  /** Server CPU seconds per million commands since {@code before}, or -1 if nothing ran. */
  double secondsPerMillionSince(ServerCpu before) {
    long ran = commands - before.commands;
    return ran <= 0 ? -1 : (cpuSeconds - before.cpuSeconds) * 1e6 / ran;
  }

  static String format(double secondsPerMillion) {
    return String.format(Locale.ROOT, "%.2f", secondsPerMillion);
  }

  private static double field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new IllegalStateException("INFO has no " + name);
  }
}

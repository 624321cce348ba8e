package dev.respite.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The installed {@code redis-server}: where it is and which version it is, probed once per JVM. */
final class RedisServerBinary {

  private static final long VERSION_TIMEOUT_SECONDS = 10;
  private static String cachedVersion;

  private RedisServerBinary() {}

  /** {@code redis-server} on the {@code PATH}, then in the usual install locations. */
  static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "redis-server"));
        }
      }
    }
    candidates.add(Path.of("/usr/bin/redis-server"));
    candidates.add(Path.of("/usr/local/bin/redis-server"));
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** Like {@link #find()}, or an exception that says how to install it. */
  static Path require() {
    return find().orElseThrow(() -> new IllegalStateException(
        "redis-server not found on PATH, in /usr/bin or /usr/local/bin;"
            + " install it, e.g. apt-get install redis-server"));
  }

  /** {@code redis-cli} beside {@code redis-server} (cluster creation and resharding need it). */
  static Path requireCli() {
    Path cli = require().resolveSibling("redis-cli");
    if (!Files.isRegularFile(cli) || !Files.isExecutable(cli)) {
      throw new IllegalStateException("redis-cli not found beside " + require()
          + "; it ships with redis-server (apt-get install redis-tools)");
    }
    return cli;
  }

  /** The version, such as {@code "7.0.15"}. */
  static synchronized String version() {
    if (cachedVersion == null) {
      cachedVersion = probeVersion(require());
    }
    return cachedVersion;
  }

  /** The major version, such as 7; 0 when it cannot be read. */
  static int majorVersion() {
    Matcher m = Pattern.compile("^(\\d+)").matcher(version());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String probeVersion(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Matcher m = Pattern.compile("v=(\\d+(?:\\.\\d+)*)").matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("cannot parse the version of " + binary + " from: " + output.strip());
      }
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary + " --version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the version of " + binary, e);
    }
  }
}

package dev.respite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code redis-cli} for what only it does well: {@code --cluster create} and {@code --cluster reshard}. */
final class RedisCli {

  private static final long TIMEOUT_SECONDS = 120;

  private RedisCli() {}

  /**
   * Runs {@code redis-cli args...} to completion.
   *
   * @return its output
   * @throws IllegalStateException with the output if it exits with an error or takes over 120 s
   */
  static String run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(RedisServerBinary.requireCli().toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Read on this thread: the output is small, and reading drains the pipe so the process cannot block on it.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("redis-cli " + String.join(" ", args) + " did not finish:\n" + output);
      }
      if (process.exitValue() != 0 || output.contains("[ERR]")) {
        throw new IllegalStateException("redis-cli " + String.join(" ", args) + " failed with exit code "
            + process.exitValue() + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run redis-cli", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running redis-cli", e);
    }
  }
}

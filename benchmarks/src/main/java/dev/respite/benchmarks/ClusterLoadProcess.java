package dev.respite.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The suite's handle on one {@link ClusterLoad} JVM: starts it, sends it commands, and waits for its protocol
 * lines, copying all its output to a log file and the console. Every failure (the client could not open,
 * the JVM died, no answer in time) is an {@link IllegalStateException} saying which, so that the case can
 * report that client's row as failed and go on with the others.
 */
final class ClusterLoadProcess implements AutoCloseable {

  private static final String END_OF_OUTPUT = "\u0000end";

  private final Client client;
  private final Path log;
  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> protocolLines = new LinkedBlockingQueue<>();
  private @Nullable String firstError;

  private ClusterLoadProcess(Client client, Path log, Process process) {
    this.client = client;
    this.log = log;
    this.process = process;
    this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::copyOutput, "cluster-load-" + client.label());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code ClusterLoad client threads seeds} in a fresh JVM on this JVM's class path. */
  static ClusterLoadProcess start(Client client, int threads, List<String> seeds, Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g",
        "-cp", System.getProperty("java.class.path"),
        ClusterLoad.class.getName(), client.label(), Integer.toString(threads), String.join(",", seeds));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new ClusterLoadProcess(client, log, process);
  }

  Client client() {
    return client;
  }

  /** Waits until the client is open and its probe passed. */
  void awaitReady(Duration timeout) throws InterruptedException {
    await("READY", timeout);
  }

  /**
   * Sends {@code command} (e.g. {@code "measure 6"}) and waits for its {@code DONE} line.
   *
   * @return the line
   */
  String run(String command, Duration timeout) throws InterruptedException {
    send(command);
    return await("DONE", timeout);
  }

  /** Sends {@code finish} and returns the {@code RESULT} line, then waits for the JVM's output to end. */
  String finish(Duration timeout) throws InterruptedException {
    send("finish");
    String result = await("RESULT", timeout);
    // The ERROR line, if any, follows RESULT: read up to the end of the output, which comes with the exit.
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String line; (line = protocolLines.poll(Math.max(0, deadline - System.nanoTime()),
        TimeUnit.NANOSECONDS)) != null && !line.equals(END_OF_OUTPUT); ) {
      if (line.startsWith("ERROR ")) {
        noteError(line);
      }
    }
    return result;
  }

  /** The first {@code ERROR} line's text, if the client reported one. */
  @Nullable String firstError() {
    return firstError;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private void send(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new IllegalStateException(client.label() + " load JVM does not take commands (exit "
          + exitCode() + "), see " + log, e);
    }
  }

  private String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = protocolLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        close();
        throw new IllegalStateException("no " + prefix + " within " + timeout.toSeconds() + " s, see " + log);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
      if (line.startsWith("ERROR ")) {
        noteError(line);
      } else if (line.startsWith("FAILED ")) {
        throw new IllegalStateException(line.substring("FAILED ".length()));
      } else if (line.equals(END_OF_OUTPUT)) {
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("exited with " + exitCode() + " before " + prefix + ", see " + log);
      }
    }
  }

  private void noteError(String line) {
    if (firstError == null) {
      firstError = line;
    }
  }

  private String exitCode() {
    return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
  }

  private void copyOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.write('\n');
        out.flush();
        System.out.println("  [" + client.label() + "] " + line);
        if (line.startsWith("READY") || line.startsWith("DONE ") || line.startsWith("RESULT ")
            || line.startsWith("ERROR ") || line.startsWith("FAILED ")) {
          protocolLines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the output of the " + client.label() + " load JVM", e);
    } finally {
      protocolLines.add(END_OF_OUTPUT);
    }
  }
}

package dev.respite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * A throwaway {@code redis-server} process that a test owns completely.
 *
 * <p>Driver tests need to flush, stop, kill and restart a real server, which must never happen to a
 * Redis someone else relies on (a developer's instance on port 6379, say). So each instance runs on
 * its own free loopback port with its own scratch directory and no persistence, and a JVM shutdown
 * hook kills any server a test forgot to close so none outlives the test run.
 *
 * <p>Since Redis 7 the {@code DEBUG} command is off by default; servers started here enable it for
 * local connections so tests can use {@code DEBUG SLEEP} to simulate a slow server.
 *
 * <p>Methods that change the process state are synchronized; instances may be shared between the
 * threads of one test.
 */
public final class LocalRedisServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REBIND_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 20;

  /** Servers not yet closed, for the shutdown hook. */
  private static final Set<LocalRedisServer> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LocalRedisServer::reapAll, "respite-redis-reaper"));
  }

  private final Path binary;
  private final List<String> extraArgs;
  private final Path workDir;
  private boolean tlsOnly;
  private IntPredicate portSuitable = port -> true;
  private Path configFile;
  private volatile Process process;
  private int port;
  private boolean closed;

  private LocalRedisServer(Path binary, List<String> extraArgs, Path workDir) {
    this.binary = binary;
    this.extraArgs = extraArgs;
    this.workDir = workDir;
  }

  /**
   * Starts a server on a free loopback port and waits until it answers.
   *
   * <p>Without arguments, Java resolves {@code LocalRedisServer.start()} to the instance method
   * {@link #start()}; call {@link #launch(String...)} then.
   *
   * @param extraArgs appended to the command line, e.g. {@code "--requirepass", "secret"}
   * @throws IllegalStateException if no {@code redis-server} is installed or it fails to start
   */
  public static LocalRedisServer start(String... extraArgs) {
    return launch(extraArgs);
  }

  /** Same as {@link #start(String...)}, but also callable without arguments. */
  public static LocalRedisServer launch(String... extraArgs) {
    return launch(false, extraArgs);
  }

  private static LocalRedisServer launch(boolean tlsOnly, String... extraArgs) {
    LocalRedisServer server = prepare(List.of(extraArgs));
    server.tlsOnly = tlsOnly;
    return server.launchPrepared();
  }

  /**
   * Starts a server whose configuration file (written to its scratch directory and passed first, as
   * {@code redis-server <conf>} needs) holds what must survive restarts: Sentinel and {@code CONFIG REWRITE}
   * rewrite that file, and a restart reads it back, as a real deployment's would.
   *
   * @param configText the file's content, one directive per line
   * @param portSuitable which free ports are acceptable (a cluster node also needs {@code port + 10000})
   * @param extraArgs appended to the command line, e.g. {@code "--sentinel"}
   */
  static LocalRedisServer launchWithConfig(String configText, IntPredicate portSuitable, List<String> extraArgs) {
    LocalRedisServer server = prepare(extraArgs);
    server.portSuitable = portSuitable;
    server.configFile = server.workDir.resolve("redis.conf");
    try {
      Files.writeString(server.configFile, configText, StandardCharsets.UTF_8);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("cannot write " + server.configFile, e);
    }
    return server.launchPrepared();
  }

  private static LocalRedisServer prepare(List<String> extraArgs) {
    Path binary = RedisServerBinary.require();
    Path dir;
    try {
      dir = Files.createTempDirectory("respite-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory for redis-server", e);
    }
    return new LocalRedisServer(binary, List.copyOf(extraArgs), dir);
  }

  private LocalRedisServer launchPrepared() {
    OPEN.add(this);
    try {
      startOnFreePort();
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts a server that listens only for TLS, on {@link #port()} ({@code --port 0 --tls-port <port>}).
   * Readiness is a TCP accept, since this class speaks no TLS; {@link #url()} is then not usable.
   *
   * @param extraArgs must configure TLS, e.g. {@code --tls-cert-file}, {@code --tls-key-file},
   *     {@code --tls-ca-cert-file}, {@code --tls-auth-clients no}
   */
  public static LocalRedisServer startTls(String... extraArgs) {
    return launch(true, extraArgs);
  }

  /** Whether a {@code redis-server} binary can be found, so callers can skip or fall back early. */
  public static boolean isAvailable() {
    return findBinary().isPresent();
  }

  /** Locates {@code redis-server} on the {@code PATH}, then in the usual install locations. */
  public static Optional<Path> findBinary() {
    return RedisServerBinary.find();
  }

  /**
   * The installed server's version, e.g. {@code "7.0.15"}, so tests can skip features that an
   * older server lacks. Probed once per JVM.
   */
  public static String version() {
    return RedisServerBinary.version();
  }

  /** Starts the server again on the same port after {@link #stop()} or {@link #kill()}; no-op if running. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("server is closed");
    }
    if (isRunning()) {
      return;
    }
    // The old socket may linger briefly after the previous process died, so retry the bind.
    long deadline = System.nanoTime() + REBIND_TIMEOUT.toNanos();
    while (true) {
      try {
        spawn();
        return;
      } catch (EarlyExit e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server could not start again on port " + port + e.getMessage());
        }
        pause(100);
      }
    }
  }

  /** Shuts the server down gracefully (SIGTERM), escalating to SIGKILL after 10 s. */
  public synchronized void stop() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    if (!awaitExit(p, STOP_TIMEOUT)) {
      kill();
    }
  }

  /** Kills the server abruptly (SIGKILL), as a crash would, and waits until it is gone. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    if (!awaitExit(p, KILL_TIMEOUT)) {
      throw new IllegalStateException("redis-server pid " + p.pid() + " survived SIGKILL");
    }
  }

  /** Stops and starts the server on the same port; data is lost since persistence is off. */
  public synchronized void restart() {
    stop();
    start();
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public int port() {
    return port;
  }

  public String host() {
    return HOST;
  }

  /** A connection URL without credentials, e.g. {@code redis://127.0.0.1:40123}. */
  public String url() {
    return "redis://" + HOST + ":" + port;
  }

  /** The pid of the current process, or of the last one if the server is stopped. */
  public long pid() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("server was never started");
    }
    return p.pid();
  }

  /** The server's log file, useful when diagnosing a failed test. */
  public Path logFile() {
    return workDir.resolve("redis.log");
  }

  /** Stops the server and deletes its scratch directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      OPEN.remove(this);
      deleteRecursively(workDir);
    }
  }

  @Override
  public String toString() {
    return "LocalRedisServer[" + url() + (isRunning() ? ", pid " + pid() : ", stopped") + "]";
  }

  private void startOnFreePort() {
    EarlyExit last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      port = LoopbackPorts.free(portSuitable);
      try {
        spawn();
        return;
      } catch (EarlyExit e) {
        last = e; // most likely someone grabbed the port between probing and binding
      }
    }
    throw new IllegalStateException(
        "redis-server failed to start after " + PORT_ATTEMPTS + " attempts" + last.getMessage());
  }

  /** Launches the process and waits until it answers; throws {@link EarlyExit} if it dies first. */
  private void spawn() throws EarlyExit {
    ProcessBuilder builder = new ProcessBuilder(command())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.to(consoleFile().toFile()));
    Process p;
    try {
      p = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary, e);
    }
    process = p;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      if (!p.isAlive()) {
        throw new EarlyExit("; exit code " + p.exitValue() + diagnostics());
      }
      if (answers() && p.isAlive()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        awaitExit(p, KILL_TIMEOUT);
        throw new IllegalStateException("redis-server on port " + port + " did not answer within "
            + READY_TIMEOUT.toSeconds() + " s" + diagnostics());
      }
      pause(20);
    }
  }

  private List<String> command() {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    if (configFile != null) {
      command.add(configFile.toString());
    }
    command.addAll(List.of(
        "--port", tlsOnly ? "0" : Integer.toString(port),
        "--bind", HOST,
        "--save", "",
        "--appendonly", "no",
        "--dir", workDir.toString(),
        "--daemonize", "no",
        "--logfile", logFile().toString()));
    if (RedisServerBinary.majorVersion() >= 7 && !extraArgs.contains("--enable-debug-command")) {
      command.addAll(List.of("--enable-debug-command", "local"));
    }
    if (tlsOnly) {
      command.addAll(List.of("--tls-port", Integer.toString(port)));
    }
    command.addAll(extraArgs);
    return command;
  }

  /** Any RESP reply to PING means ready: with a password set, the reply is a NOAUTH error. */
  private boolean answers() {
    if (tlsOnly) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(HOST, port), 1000);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    try (RawRedisClient client = new RawRedisClient(HOST, port, Duration.ofSeconds(1))) {
      client.call("PING");
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private Path consoleFile() {
    return workDir.resolve("redis.out");
  }

  /** The tail of the log (runtime errors such as a taken port) and of the console (bad arguments). */
  private String diagnostics() {
    StringBuilder text = new StringBuilder();
    for (Path file : List.of(logFile(), consoleFile())) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty()) {
          text.append("\n--- last lines of ").append(file).append(" ---\n")
              .append(String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())));
        }
      } catch (IOException e) {
        // The file may not exist yet when the process died early; the other one may tell more.
      }
    }
    return text.toString();
  }

  private static boolean awaitExit(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover scratch directory in the temp folder is harmless.
    }
  }

  private static void reapAll() {
    for (LocalRedisServer server : OPEN) {
      Process p = server.process;
      if (p != null) {
        p.destroyForcibly();
        awaitExit(p, Duration.ofSeconds(2));
      }
      deleteRecursively(server.workDir);
    }
  }

  /** The process exited before answering; the message carries its diagnostics. */
  private static final class EarlyExit extends Exception {
    private static final long serialVersionUID = 1L;

    EarlyExit(String message) {
      super(message, null, false, false);
    }
  }
}

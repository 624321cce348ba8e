package dev.respite.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that reads RESP commands and answers each with canned bytes chosen by a {@link Script},
 * so that tests can feed a client replies no real Redis would send: malformed, oversized, endless, or
 * unsolicited ({@link #sendToAll}).
 *
 * <p>It counts the connections it accepted and those the client closed, which tells a test whether the
 * client destroyed a connection after a bad reply. Each connection is served by a daemon thread.
 */
public final class FakeRespServer implements AutoCloseable {
  /** Chooses the bytes that answer one command. */
  @FunctionalInterface
  public interface Script {
    /**
     * The reply to send for {@code command} (its name and arguments, as sent), or null to send nothing
     * and leave the client waiting.
     */
    byte[] reply(List<byte[]> command);
  }

  private static final int MAX_ARGUMENTS = 1024;
  private static final int MAX_ARGUMENT_BYTES = 16 * 1024 * 1024;

  private final ServerSocket listener;
  private final Script script;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private final AtomicInteger commands = new AtomicInteger();
  private volatile boolean closed;

  private FakeRespServer(ServerSocket listener, Script script) {
    this.listener = listener;
    this.script = script;
  }

  /** Starts a server on a free loopback port that answers every command through {@code script}. */
  public static FakeRespServer start(Script script) {
    Objects.requireNonNull(script, "script");
    try {
      ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
      FakeRespServer server = new FakeRespServer(listener, script);
      Thread acceptor = new Thread(server::acceptLoop, "fake-resp-accept-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the fake RESP server", e);
    }
  }

  /** The bytes of {@code text} in ASCII, for writing scripts tersely. */
  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The command's name in upper case, e.g. {@code GET}. */
  public static String name(List<byte[]> command) {
    return new String(command.get(0), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
  }

  /** The loopback port. */
  public int port() {
    return listener.getLocalPort();
  }

  /** A URL for this server without options, e.g. {@code redis://127.0.0.1:40123}. */
  public String url() {
    return "redis://" + listener.getInetAddress().getHostAddress() + ":" + port();
  }

  /** Connections accepted so far. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Connections that the client closed (the server read the end of the stream, or a reset). */
  public int closedByClient() {
    return closedByClient.get();
  }

  /** Connections open right now. */
  public int openConnections() {
    return open.size();
  }

  /** Commands read so far, on all connections. */
  public int commandsRead() {
    return commands.get();
  }

  /** Writes {@code bytes} to every open connection, unasked: a reply to nothing. */
  public void sendToAll(byte[] bytes) {
    for (Socket socket : open) {
      try {
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
          out.write(bytes);
          out.flush();
        }
      } catch (IOException e) {
        // that client is gone; the others still get the bytes
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) { // closing anyway
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  @Override
  public String toString() {
    return "FakeRespServer[" + port() + ", " + open.size() + " open]";
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        accepted.incrementAndGet();
        open.add(socket);
        Thread worker = new Thread(() -> serve(socket), "fake-resp-" + socket.getPort());
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // the listener was closed
      }
    }
  }

  private void serve(Socket socket) {
    try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
      OutputStream out = socket.getOutputStream();
      for (;;) {
        List<byte[]> command = readCommand(in);
        commands.incrementAndGet();
        byte[] reply = script.reply(command);
        if (reply != null) {
          synchronized (socket) {
            out.write(reply);
            out.flush();
          }
        }
      }
    } catch (IOException e) {
      if (!closed) {
        closedByClient.incrementAndGet(); // end of stream, or a reset: the client let go
      }
    } finally {
      open.remove(socket);
      closeQuietly(socket);
    }
  }

  /** Reads one command: an array of bulk strings, which is all a client sends. */
  private static List<byte[]> readCommand(InputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("client closed the connection");
    }
    if (type != '*') {
      throw new IOException("expected a command array, got type byte " + type);
    }
    int count = readLength(in, MAX_ARGUMENTS);
    List<byte[]> command = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (in.read() != '$') {
        throw new IOException("expected a bulk string argument");
      }
      int length = readLength(in, MAX_ARGUMENT_BYTES);
      byte[] argument = in.readNBytes(length);
      if (argument.length < length || in.read() != '\r' || in.read() != '\n') {
        throw new EOFException("truncated argument");
      }
      command.add(argument);
    }
    if (command.isEmpty()) {
      throw new IOException("empty command");
    }
    return command;
  }

  private static int readLength(InputStream in, int max) throws IOException {
    ByteArrayOutputStream digits = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new EOFException("client closed the connection mid-command");
      }
      digits.write(b);
    }
    if (in.read() != '\n') {
      throw new IOException("CR not followed by LF");
    }
    int length = Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
    if (length < 0 || length > max) {
      throw new IOException("length " + length + " out of range");
    }
    return length;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) { // abandoning it anyway
    }
  }
}

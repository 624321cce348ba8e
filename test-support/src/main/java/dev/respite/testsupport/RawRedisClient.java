package dev.respite.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deliberately tiny, blocking RESP2 client for test setup and assertions.
 *
 * <p>Tests of a Redis driver must not prepare or inspect the server with that same driver, or its
 * bugs would hide themselves. This client is small enough to be obviously correct, returns error
 * replies as values ({@link ErrorReply}) so tests can assert on them, and only talks to loopback.
 *
 * <p>Replies map to Java as: simple and bulk strings to {@link String} (nil to {@code null}),
 * integers to {@link Long}, arrays to an unmodifiable {@code List<Object>} (nil array to
 * {@code null}), errors to {@link ErrorReply}. I/O failures and timeouts surface as
 * {@link UncheckedIOException}. Not thread-safe.
 */
public final class RawRedisClient implements AutoCloseable {

  /** An error reply such as {@code -NOAUTH Authentication required.}, without the leading dash. */
  public record ErrorReply(String message) {
    /** The error prefix ({@code ERR}, {@code NOAUTH}, {@code WRONGTYPE}, ...), handy in assertions. */
    public String code() {
      int space = message.indexOf(' ');
      return space < 0 ? message : message.substring(0, space);
    }
  }

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  private static final byte[] CRLF = {'\r', '\n'};

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** Connects to {@code 127.0.0.1:port} with the default 5 s read timeout. */
  public RawRedisClient(int port) {
    this("127.0.0.1", port, DEFAULT_READ_TIMEOUT);
  }

  /** Connects to a loopback {@code host} with the default 5 s read timeout. */
  public RawRedisClient(String host, int port) {
    this(host, port, DEFAULT_READ_TIMEOUT);
  }

  /**
   * Connects to a loopback {@code host}; {@code readTimeout} bounds each reply so a hung server
   * fails the test instead of hanging it.
   *
   * @throws IllegalArgumentException if {@code host} is not a loopback address
   * @throws UncheckedIOException if the connection cannot be made within 2 s
   */
  public RawRedisClient(String host, int port, Duration readTimeout) {
    InetAddress address = loopback(host);
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
      s.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      s.setTcpNoDelay(true);
      this.in = new BufferedInputStream(s.getInputStream());
      this.out = new BufferedOutputStream(s.getOutputStream());
    } catch (IOException e) {
      closeQuietly(s);
      throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port, e);
    }
    this.socket = s;
  }

  /** Sends one command and returns its reply; see the class comment for the type mapping. */
  public Object call(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a command needs at least a name");
    }
    try {
      writeCommand(args);
      return readReply();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis command " + args[0] + " failed", e);
    }
  }

  /**
   * Authenticates, throwing if refused: setup that silently stays unauthenticated fails confusingly later.
   *
   * @param user the ACL user, or {@code null} for the legacy single-password form
   * @return this client, for chaining
   */
  public RawRedisClient auth(String user, String password) {
    Object reply = user == null ? call("AUTH", password) : call("AUTH", user, password);
    if (reply instanceof ErrorReply error) {
      throw new IllegalStateException("AUTH rejected: " + error.message());
    }
    return this;
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private void writeCommand(String[] args) throws IOException {
    out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write(CRLF);
    }
    out.flush();
  }

  private Object readReply() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("connection closed by the server");
    }
    String line = readLine();
    return switch (type) {
      case '+' -> line;
      case '-' -> new ErrorReply(line);
      case ':' -> Long.parseLong(line);
      case '$' -> readBulk(Integer.parseInt(line));
      case '*' -> readArray(Integer.parseInt(line));
      default -> throw new IOException("not a RESP2 reply, type byte '" + (char) type + "' then: " + line);
    };
  }

  private List<Object> readArray(int count) throws IOException {
    if (count < 0) {
      return null;
    }
    List<Object> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(readReply());
    }
    return Collections.unmodifiableList(items);
  }

  private String readBulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] data = in.readNBytes(length);
    if (data.length < length || !readLine().isEmpty()) {
      throw new EOFException("truncated bulk string");
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new EOFException("connection closed mid-reply");
      }
      line.write(b);
    }
    if (in.read() != '\n') {
      throw new IOException("malformed reply: CR not followed by LF");
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static InetAddress loopback(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("refusing non-loopback Redis host " + host);
      }
      return address;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) { // the connection is being abandoned anyway
    }
  }
}

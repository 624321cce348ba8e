package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisProtocolException;
import dev.respite.impl.command.Command;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * One TCP connection to Redis, as a transport: a blocking socket with its RESP reader and writer, frames in,
 * replies out, {@link IOException} when the socket fails. Knows nothing of pools or sessions (the pool keeps
 * its bookkeeping in its own entry). Not thread-safe: used by one thread at a time.
 *
 * <p>The socket comes from a {@link SocketChannel} so that an idle connection can be checked with a
 * non-blocking read ({@link #isQuiet()}), which sees a server's close or a stray reply without a round trip;
 * all command I/O goes through the socket's streams, whose reads block with no {@code SO_TIMEOUT}:
 * {@link ReplyDeadlineInputStream} gives each whole reply a deadline and {@link ReplyWatchdog} closes the
 * connection when one passes.
 *
 * <p>With TLS, an {@link SSLSocket} is layered over that socket, and a raw read would swallow TLS records
 * (TLS 1.3 sends session tickets after the handshake); {@link #isQuiet()} then only asks the kernel how many
 * bytes wait unread, and the pool answers a {@code PING} when some do.
 */
public final class RedisConnection implements AutoCloseable {
  private static final int READ_BUFFER = 16 * 1024;
  private static final int WRITE_BUFFER = 8 * 1024;

  private final SocketChannel channel;
  private final Socket socket;
  private final @Nullable InputStream tlsRawInput;
  private final String address;
  private final RespReader reader;
  private final RespWriter writer;
  private final int socketTimeoutMillis;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private final ReplyDeadlineInputStream input;
  private boolean subscriber;
  private long sent;
  private boolean broken;
  private @Nullable Throwable brokenBy;
  private long waitedNanos;

  private RedisConnection(SocketChannel channel, @Nullable SSLSocket tlsSocket, RedisConfig config)
      throws IOException {
    this.channel = channel;
    this.socket = tlsSocket != null ? tlsSocket : channel.socket();
    this.tlsRawInput = tlsSocket != null ? channel.socket().getInputStream() : null;
    this.address = config.host() + ":" + config.port();
    this.socketTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.socketTimeout().toMillis());
    this.input = new ReplyDeadlineInputStream(socket.getInputStream(), channel, this::completedReplies);
    input.timeout(socketTimeoutMillis);
    this.reader = new RespReader(input, READ_BUFFER, config.maxBulkLength(), config.maxNestingDepth());
    this.writer = new RespWriter(socket.getOutputStream(), WRITE_BUFFER);
    ReplyWatchdog.SHARED.watch(input);
  }

  /**
   * Connects (with TLS when {@code tls} is given), then authenticates, names the connection and selects the
   * configured database in one round trip ({@link Handshake}).
   *
   * @param tls the data source's TLS settings, made once from its configuration; null for plain TCP
   * @throws RedisConnectionException if the server cannot be reached or the TLS handshake fails
   * @throws dev.respite.RedisServerException if the server refuses the handshake (wrong password, ...)
   */
  public static RedisConnection open(RedisConfig config, @Nullable TlsContext tls) {
    InetSocketAddress target = new InetSocketAddress(config.host(), config.port());
    if (target.isUnresolved()) {
      throw new RedisConnectionException("Unknown Redis host " + config.host(), null);
    }
    SocketChannel channel;
    try {
      channel = SocketChannel.open();
    } catch (IOException e) {
      throw new RedisConnectionException("Could not open a socket: " + e, e);
    }
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      channel.socket().connect(target, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw FailureClassifier.connectFailed(config, e);
    }
    SSLSocket tlsSocket = null;
    if (tls != null) {
      try {
        tlsSocket = tls.handshake(channel.socket(), config.host(), config.port(),
            (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        throw e instanceof IOException
            ? tls.handshakeFailed(config.host() + ":" + config.port(), (IOException) e)
            : FailureClassifier.connectFailed(config, e);
      }
    }
    RedisConnection connection;
    try {
      connection = new RedisConnection(channel, tlsSocket, config);
    } catch (IOException e) {
      closeQuietly(channel);
      throw FailureClassifier.connectFailed(config, e);
    }
    try {
      Handshake.perform(connection, config);
      return connection;
    } catch (IOException | RuntimeException e) {
      // With TLS 1.3 the server refuses a client certificate after the TLS handshake: the first reply fails.
      RuntimeException failure = tls != null && e instanceof IOException && !(e instanceof SocketTimeoutException)
          ? tls.handshakeFailed(config.host() + ":" + config.port(), (IOException) e)
          : FailureClassifier.classify(connection, "the handshake", e);
      connection.close();
      throw failure;
    }
  }

  /** The writer; after writing commands, call {@link #send(int)}. */
  public RespWriter writer() {
    return writer;
  }

  /** The reader for the replies. */
  public RespReader reader() {
    return reader;
  }

  /** Writes one frame, sends it and reads its reply: for the driver's own exchanges (handshake, PING). */
  public <T> T call(Command<T> command) throws IOException {
    command.write(writer);
    send(1);
    return command.decoder().read(reader);
  }

  /**
   * Flushes what was written, counts {@code commands} more replies to read and starts their timeout.
   *
   * @throws RedisProtocolException if the server sent bytes that answer no command: they would otherwise be
   *     read as the reply to this one (RESP3 push frames are not such bytes: they are consumed first)
   */
  public void send(int commands) throws IOException {
    input.arm();
    if (!subscriber && unreadReplies() == 0 && !reader.consumeBufferedPushes()) {
      markBroken();
      throw new RedisProtocolException("The server sent bytes that answer no command; connection to " + address
          + " closed");
    }
    sent += commands;
    writer.flush();
  }

  /**
   * Readies this connection for subscribing: messages arrive without commands, so the read timeout is a
   * plain limit on silence and unsolicited replies are expected.
   */
  public void subscriberMode() {
    subscriber = true;
  }

  private long completedReplies() {
    return reader.completedReplies();
  }

  /** Replies sent for but not read whole yet. */
  public long unreadReplies() {
    return sent - reader.completedReplies();
  }

  /** {@code host:port}, for messages. */
  public String address() {
    return address;
  }

  /** The read timeout for a reply, in milliseconds. */
  public int socketTimeoutMillis() {
    return socketTimeoutMillis;
  }

  /** Marks the connection's position in the reply stream unknown: it must be closed, never used again. */
  public void markBroken() {
    broken = true;
  }

  /** Records the failure that left the state unknown (for the JFR ConnectionClosed event); the first wins. */
  public void brokenBy(Throwable failure) {
    if (brokenBy == null) {
      brokenBy = failure;
    }
  }

  /** The failure that broke the connection, or null. */
  public @Nullable Throwable brokenBy() {
    return brokenBy;
  }

  /** Bytes written to the socket so far. */
  public long bytesWritten() {
    return writer.bytesWritten();
  }

  /** Bytes read from the socket so far. */
  public long bytesRead() {
    return input.bytesRead();
  }

  /** Records how long the session that holds it waited to borrow it, for the slow-command log. */
  public void waited(long nanos) {
    waitedNanos = nanos;
  }

  /** How long the session that holds it waited to borrow it. */
  public long waitedNanos() {
    return waitedNanos;
  }

  /** Whether a failure left this connection's position in the reply stream unknown. */
  public boolean isBroken() {
    return broken;
  }

  /**
   * Changes the read timeout for the commands that follow, for a blocking command that may legitimately
   * wait longer than {@code socketTimeout}; set it back afterwards with {@link #socketTimeoutMillis()}.
   */
  public void readTimeout(int millis) throws IOException {
    if (subscriber) {
      input.unmanaged();
      socket.setSoTimeout(millis);
    } else {
      input.timeout(millis);
    }
  }

  /** Whether the connection speaks TLS. */
  public boolean isTls() {
    return tlsRawInput != null;
  }

  /**
   * Whether the connection is in step with the server as far as memory tells, with no I/O: not broken, every
   * reply read, nothing buffered, the socket open. A buffered push frame counts as something: only a
   * connection that must be closed anyway (tracking, subscribing) receives them, and reading one here could
   * wait on the socket with no reply deadline armed.
   */
  public boolean isInStep() {
    return !broken && unreadReplies() == 0 && !reader.hasBufferedInput() && channel.isOpen();
  }

  /**
   * Whether the kernel holds no byte for this connection, without a round trip: plain TCP tries a
   * non-blocking read (a server's close reads as end of stream); TLS asks how many raw bytes wait, because a
   * raw read would take TLS records from under the TLS layer.
   */
  public boolean isQuiet() {
    try {
      InputStream raw = tlsRawInput;
      if (raw != null) {
        return raw.available() == 0;
      }
      channel.configureBlocking(false);
      try {
        probe.clear();
        return channel.read(probe) == 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Closes the socket at once. A TLS connection is closed without a close_notify: sending one could block
   * on a peer that is gone, and Redis treats either end the same.
   */
  @Override
  public void close() {
    broken = true;
    ReplyWatchdog.SHARED.forget(input);
    closeQuietly(channel);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing to do: the socket is gone either way.
    }
  }

  @Override
  public String toString() {
    return "RedisConnection[" + address + (isTls() ? ", tls" : "") + (broken ? ", broken" : "") + "]";
  }
}

package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisProtocolException;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import dev.respite.spi.RedisListener.DestroyReason;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * One TCP connection to Redis: a blocking socket with its RESP reader and writer, and the state sessions
 * left on it. Used by one thread at a time (the session that borrowed it, or the pool).
 *
 * <p>The socket comes from a {@link SocketChannel} so that the pool can check an idle connection with a
 * non-blocking read, which sees a server's close or a stray reply without a round trip; all command I/O
 * goes through the socket's streams, whose reads block with no {@code SO_TIMEOUT}:
 * {@link ReplyDeadlineInputStream} gives each whole reply a deadline and {@link ReplyWatchdog} closes the
 * connection when one passes.
 *
 * <p>With TLS, an {@link SSLSocket} is layered over that socket, and a raw read would swallow TLS records
 * (TLS 1.3 sends session tickets after the handshake). So a TLS connection is checked by asking the kernel
 * how many bytes wait unread, without reading them, and answers a {@code PING} when bytes wait or when it
 * was idle longer than {@link #TLS_QUIET_WINDOW_NANOS}; a connection closed within that window without a
 * TLS close_notify is found by the first command instead, which fails with a connection error.
 */
public final class RedisConnection implements AutoCloseable {
  private static final int READ_BUFFER = 16 * 1024;
  private static final int WRITE_BUFFER = 8 * 1024;
  private static final ProtocolKeyword DISCARD = ProtocolKeyword.of("DISCARD");
  private static final ProtocolKeyword UNWATCH = ProtocolKeyword.of("UNWATCH");
  private static final ProtocolKeyword PING = ProtocolKeyword.of("PING");
  /** Idle time after which a TLS connection is checked with a PING before it is lent again. */
  static final long TLS_QUIET_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final SocketChannel channel;
  private final Socket socket;
  private final @Nullable InputStream tlsRawInput;
  private final String address;
  private final RespReader reader;
  private final RespWriter writer;
  private final ConnectionState state;
  private final int socketTimeoutMillis;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private final ReplyDeadlineInputStream input;
  private boolean subscriber;
  private long sent;
  private boolean broken;
  private @Nullable DestroyReason destroyReason;
  private long borrowedAtNanos;
  private long idleSinceNanos = System.nanoTime();
  private long createdAtNanos = idleSinceNanos;
  private long lifetimeNanos;
  private long waitedNanos;
  private @Nullable Throwable brokenBy;

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
    this.state = new ConnectionState(0);
    ReplyWatchdog.SHARED.watch(input);
  }

  /**
   * Connects (with TLS when {@code config.tls()}), then authenticates, names the connection and selects the
   * configured database in one round trip. TLS settings are read from {@code config} on every call; code
   * that opens many connections should make one {@link TlsContext} and call
   * {@link #open(RedisConfig, TlsContext)}.
   *
   * @throws RedisConnectionException if the server cannot be reached or the TLS handshake fails
   * @throws IllegalArgumentException if {@code tlsCaCertificate} cannot be read
   * @throws dev.respite.RedisServerException if the server refuses the handshake (wrong password, ...)
   */
  public static RedisConnection open(RedisConfig config) {
    return open(config, config.tls() ? TlsContext.of(config) : null);
  }

  /**
   * Connects as {@link #open(RedisConfig)} does, with the data source's TLS settings, or none for plain TCP.
   *
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

  /**
   * Flushes what was written, counts {@code commands} more replies to read and starts their timeout.
   *
   * @throws RedisProtocolException if the server sent bytes that answer no command: they would otherwise be
   *     read as the reply to this one
   */
  public void send(int commands) throws IOException {
    if (!subscriber && unreadReplies() == 0 && reader.hasBufferedInput()) {
      markBroken();
      throw new RedisProtocolException("The server sent bytes that answer no command; connection to " + address
          + " closed");
    }
    sent += commands;
    input.arm();
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

  /** What sessions changed on this connection. */
  public ConnectionState state() {
    return state;
  }

  /** {@code host:port}, for messages. */
  public String address() {
    return address;
  }

  /** The read timeout for a reply, in milliseconds. */
  public int socketTimeoutMillis() {
    return socketTimeoutMillis;
  }

  /** Marks the connection's state unknown: it will be destroyed, never lent again. */
  public void markBroken() {
    broken = true;
    destroyReason(DestroyReason.BROKEN);
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

  /** Records how long the current session waited to borrow this connection (for the slow-command log). */
  public void waited(long nanos) {
    waitedNanos = nanos;
  }

  /** How long the current session waited to borrow this connection. */
  public long waitedNanos() {
    return waitedNanos;
  }

  /** Records why the connection is about to be destroyed; the first reason given wins. */
  public void destroyReason(DestroyReason reason) {
    if (destroyReason == null) {
      destroyReason = reason;
    }
  }

  /** Why the connection is being destroyed, or null if nobody said. */
  public @Nullable DestroyReason destroyReason() {
    return destroyReason;
  }

  /** When the current session borrowed the connection ({@link System#nanoTime()}). */
  public long borrowedAtNanos() {
    return borrowedAtNanos;
  }

  /** Records when the current session borrowed the connection. */
  public void borrowedAt(long nanos) {
    borrowedAtNanos = nanos;
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

  /** Sets when this connection was made and how long it may live; zero means no limit. */
  public void lifetime(long createdAtNanos, long lifetimeNanos) {
    this.createdAtNanos = createdAtNanos;
    this.lifetimeNanos = lifetimeNanos;
  }

  /** Whether the connection has outlived its lifetime at {@code nowNanos} ({@link System#nanoTime()}). */
  public boolean isExpired(long nowNanos) {
    return lifetimeNanos > 0 && nowNanos - createdAtNanos >= lifetimeNanos;
  }

  /** Whether the connection speaks TLS. */
  public boolean isTls() {
    return tlsRawInput != null;
  }

  /** Whether a failure left this connection's state unknown. */
  public boolean isBroken() {
    return broken;
  }

  /**
   * Whether the connection can be lent: not broken, no reply or state left that cannot be undone, and the
   * server has neither closed it nor sent bytes nobody asked for. Costs no round trip on plain TCP; see the
   * class comment for TLS.
   */
  public boolean isReusable() {
    return isInStep() && (isTls() ? tlsAnswers(true) : plainIsQuiet());
  }

  /** Whether the connection is in step with the server as far as memory tells: no I/O, for every borrow. */
  public boolean isInStep() {
    return !broken && !state.isMustClose() && unreadReplies() == 0 && !reader.hasBufferedInput()
        && channel.isOpen();
  }

  private boolean plainIsQuiet() {
    try {
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
   * A TLS connection is trusted without a round trip when the kernel holds no bytes for it (a close_notify,
   * a late session ticket or a stray reply all arrive as bytes) and, if {@code afterIdle}, it was used
   * recently; otherwise it must answer a PING, which lets the TLS layer consume what is not application data.
   */
  private boolean tlsAnswers(boolean afterIdle) {
    InputStream raw = tlsRawInput;
    try {
      boolean quiet = raw != null && raw.available() == 0;
      if (quiet && (!afterIdle || System.nanoTime() - idleSinceNanos < TLS_QUIET_WINDOW_NANOS)) {
        return true;
      }
      writer.writeArrayHeader(1);
      writer.writeKeyword(PING);
      send(1);
      boolean pong = "PONG".equals(reader.readStatus());
      idleSinceNanos = System.nanoTime();
      return pong && !reader.hasBufferedInput();
    } catch (IOException | RuntimeException e) {
      broken = true; // out of step with the server now; the caller records why it is destroyed
      return false;
    }
  }

  /**
   * Undoes what a session left: discards an open {@code MULTI}, forgets watched keys.
   *
   * @throws IllegalStateException if the state cannot be undone and the connection must be destroyed
   */
  public void resetSessionState() throws IOException {
    if (state.isMustClose()) {
      destroyReason(DestroyReason.DIRTY);
    }
    if (!isInStep()) {
      throw new IllegalStateException("Connection to " + address + " cannot be reused");
    }
    ProtocolKeyword reset = state.inMulti() ? DISCARD : state.watching() ? UNWATCH : null;
    if (reset != null) {
      // Only a reset exchange must be sure no stray bytes wait: borrowing checks the socket anyway.
      if (!(isTls() ? tlsAnswers(false) : plainIsQuiet())) {
        throw new IllegalStateException("Connection to " + address + " cannot be reused");
      }
      writer.writeArrayHeader(1);
      writer.writeKeyword(reset);
      send(1);
      reader.readStatus();
      state.transactionEnded(false);
    }
    idleSinceNanos = System.nanoTime();
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
    return "RedisConnection[" + address + (isTls() ? ", tls" : "") + ", db=" + state.database()
        + (broken ? ", broken" : "") + "]";
  }
}

package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespReader;
import dev.respite.impl.protocol.RespWriter;
import dev.respite.spi.RedisListener.DestroyReason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * One TCP connection to Redis: a blocking socket with its RESP reader and writer, and the state sessions
 * left on it. Used by one thread at a time (the session that borrowed it, or the pool).
 *
 * <p>The socket comes from a {@link SocketChannel} so that the pool can check an idle connection with a
 * non-blocking read, which sees a server's close or a stray reply without a round trip; all command I/O
 * goes through the socket's streams, which honour {@code SO_TIMEOUT}.
 */
public final class RedisConnection implements AutoCloseable {
  private static final int READ_BUFFER = 16 * 1024;
  private static final int WRITE_BUFFER = 8 * 1024;
  private static final ProtocolKeyword DISCARD = ProtocolKeyword.of("DISCARD");
  private static final ProtocolKeyword UNWATCH = ProtocolKeyword.of("UNWATCH");

  private final SocketChannel channel;
  private final Socket socket;
  private final String address;
  private final RespReader reader;
  private final RespWriter writer;
  private final ConnectionState state;
  private final int socketTimeoutMillis;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private long sent;
  private boolean broken;
  private @Nullable DestroyReason destroyReason;
  private long borrowedAtNanos;

  private RedisConnection(SocketChannel channel, RedisConfig config) throws IOException {
    this.channel = channel;
    this.socket = channel.socket();
    this.address = config.host() + ":" + config.port();
    this.socketTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.socketTimeout().toMillis());
    socket.setSoTimeout(socketTimeoutMillis);
    this.reader = new RespReader(socket.getInputStream(), READ_BUFFER, config.maxBulkLength(),
        config.maxNestingDepth());
    this.writer = new RespWriter(socket.getOutputStream(), WRITE_BUFFER);
    this.state = new ConnectionState(0);
  }

  /**
   * Connects, then authenticates, names the connection and selects the configured database in one round
   * trip.
   *
   * @throws RedisConnectionException if the server cannot be reached
   * @throws dev.respite.RedisServerException if the server refuses the handshake (wrong password, ...)
   */
  public static RedisConnection open(RedisConfig config) {
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
    RedisConnection connection;
    try {
      connection = new RedisConnection(channel, config);
    } catch (IOException e) {
      closeQuietly(channel);
      throw FailureClassifier.connectFailed(config, e);
    }
    try {
      Handshake.perform(connection, config);
      return connection;
    } catch (IOException | RuntimeException e) {
      RuntimeException failure = FailureClassifier.classify(connection, "the handshake", e);
      connection.close();
      throw failure;
    }
  }

  /** The writer; after writing a command, call {@link #send()}. */
  public RespWriter writer() {
    return writer;
  }

  /** The reader for the replies. */
  public RespReader reader() {
    return reader;
  }

  /** Flushes what was written and counts {@code commands} more replies to read. */
  public void send(int commands) throws IOException {
    sent += commands;
    writer.flush();
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
    socket.setSoTimeout(millis);
  }

  /** Whether a failure left this connection's state unknown. */
  public boolean isBroken() {
    return broken;
  }

  /**
   * Whether the connection can be lent: not broken, no reply or state left that cannot be undone, and the
   * server has neither closed it nor sent bytes nobody asked for. Costs no round trip.
   */
  public boolean isReusable() {
    if (broken || state.isMustClose() || unreadReplies() != 0 || reader.hasBufferedInput() || !channel.isOpen()) {
      return false;
    }
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
   * Undoes what a session left: discards an open {@code MULTI}, forgets watched keys.
   *
   * @throws IllegalStateException if the state cannot be undone and the connection must be destroyed
   */
  public void resetSessionState() throws IOException {
    if (state.isMustClose()) {
      destroyReason(DestroyReason.DIRTY);
    }
    if (!isReusable()) {
      throw new IllegalStateException("Connection to " + address + " cannot be reused");
    }
    ProtocolKeyword reset = state.inMulti() ? DISCARD : state.watching() ? UNWATCH : null;
    if (reset != null) {
      writer.writeArrayHeader(1);
      writer.writeKeyword(reset);
      send(1);
      reader.readStatus();
      state.transactionEnded(false);
    }
  }

  @Override
  public void close() {
    broken = true;
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
    return "RedisConnection[" + address + ", db=" + state.database() + (broken ? ", broken" : "") + "]";
  }
}

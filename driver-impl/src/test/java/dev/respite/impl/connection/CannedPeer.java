package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A loopback socket that plays the server's part with fixed bytes, and the connection opened to it. RESP2,
 * no password, database 0: the connection sends no handshake, so the peer needs to answer nothing.
 */
public final class CannedPeer implements AutoCloseable {
  private final ServerSocket listener;
  private final RedisConnection connection;
  private final Socket peer;

  private CannedPeer(ServerSocket listener, RedisConnection connection, Socket peer) {
    this.listener = listener;
    this.connection = connection;
    this.peer = peer;
  }

  /** Opens a connection with the settings {@code options} adds to host and port. */
  public static CannedPeer open(UnaryOperator<RedisConfig.Builder> options) throws IOException {
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    RedisConfig config = options.apply(RedisConfig.builder().host("127.0.0.1").port(listener.getLocalPort()))
        .build();
    RedisConnection connection = RedisConnection.open(config, null);
    return new CannedPeer(listener, connection, listener.accept());
  }

  public RedisConnection connection() {
    return connection;
  }

  /** The server's end of the connection. */
  Socket socket() {
    return peer;
  }

  /** What the pool asks of a plain connection before lending it: in step, and nothing waiting in the kernel. */
  static boolean isUsable(RedisConnection connection) {
    return connection.isInStep() && connection.isQuiet();
  }

  /** Sends {@code bytes} (RESP text) to the connection. */
  void send(String bytes) throws IOException {
    OutputStream out = peer.getOutputStream();
    out.write(bytes.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    connection.close();
    peer.close();
    listener.close();
  }
}

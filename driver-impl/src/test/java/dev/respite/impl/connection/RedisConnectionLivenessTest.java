package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The borrow-time check on a canned peer: a loopback socket that plays the server's part with fixed bytes.
 * RESP2, no password, database 0: the connection sends no handshake, so the peer needs to answer nothing.
 */
class RedisConnectionLivenessTest {
  private ServerSocket listener;
  private RedisConnection connection;
  private Socket peer;

  @BeforeEach
  void connect() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    RedisConfig config = RedisConfig.builder().host("127.0.0.1").port(listener.getLocalPort()).build();
    connection = RedisConnection.open(config);
    peer = listener.accept();
  }

  @AfterEach
  void close() throws IOException {
    connection.close();
    peer.close();
    listener.close();
  }

  @Test
  void quietOpenConnectionIsReusable() {
    assertThat(connection.isReusable()).isTrue();
    assertThat(connection.isReusable()).as("checking twice changes nothing").isTrue();
  }

  @Test
  void bytesNobodyAskedForMakeItUnusable() throws Exception {
    OutputStream out = peer.getOutputStream();
    out.write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    assertThat(eventually(() -> !connection.isReusable())).isTrue();
  }

  @Test
  void closeByTheServerMakesItUnusable() throws Exception {
    peer.close();
    assertThat(eventually(() -> !connection.isReusable())).isTrue();
  }

  @Test
  void brokenConnectionIsNeverReusable() {
    connection.markBroken();
    assertThat(connection.isReusable()).isFalse();
  }

  /** Loopback delivers in microseconds, but the check must not depend on the scheduler: poll briefly. */
  private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}

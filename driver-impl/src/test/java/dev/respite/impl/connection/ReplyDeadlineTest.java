package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisOption;
import dev.respite.impl.command.Commands;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reply deadlines enforced by {@link ReplyWatchdog}, on a {@link CannedPeer} that answers when told to. */
class ReplyDeadlineTest {
  private static final Duration TIMEOUT = Duration.ofMillis(200);

  private CannedPeer peer;
  private RedisConnection connection;

  @BeforeEach
  void connect() throws IOException {
    peer = CannedPeer.open(options -> options.set(RedisOption.SOCKET_TIMEOUT, TIMEOUT));
    connection = peer.connection();
  }

  @AfterEach
  void close() throws IOException {
    peer.close();
  }

  @Test
  void replyThatNeverComesTimesOutNearTheDeadlineAndClosesTheConnection() throws IOException {
    sendPing();
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> connection.reader().readStatus());
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    assertThat(waited).isBetween(TIMEOUT.minusMillis(20), TIMEOUT.multipliedBy(10));
    assertThat(peer.socket().getInputStream().skip(14)).as("the PING arrived").isEqualTo(14);
    assertThat(peer.socket().getInputStream().read()).as("the watchdog closed the connection").isEqualTo(-1);
  }

  @Test
  void connectionIdleLongerThanTheTimeoutBetweenRepliesIsNeverExpired() throws Exception {
    sendPing();
    peer.send("+PONG\r\n");
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
    sendPing();
    peer.send("+PONG\r\n");
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    assertThat(CannedPeer.isUsable(connection)).isTrue();
  }

  @Test
  void replyThatComesWithinTheDeadlineIsRead() throws Exception {
    sendPing();
    Thread answerer = new Thread(() -> {
      try {
        Thread.sleep(TIMEOUT.dividedBy(2).toMillis());
        peer.send("+PONG\r\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    answerer.start();
    assertThat(connection.reader().readStatus()).isEqualTo("PONG");
    answerer.join();
    assertThat(CannedPeer.isUsable(connection)).isTrue();
  }

  @Test
  void replyTrickledPastTheDeadlineTimesOutThoughBytesKeepComing() throws Exception {
    sendPing();
    Thread trickler = new Thread(() -> {
      try {
        for (byte b : "+PONGPONGPONGPONGPONG\r\n".getBytes(StandardCharsets.US_ASCII)) {
          peer.socket().getOutputStream().write(b);
          Thread.sleep(TIMEOUT.dividedBy(8).toMillis());
        }
      } catch (Exception expected) {
        // The connection is closed under the trickle.
      }
    });
    trickler.start();
    assertThat(catchThrowable(() -> connection.reader().readStatus())).isInstanceOf(SocketTimeoutException.class);
    trickler.join();
  }

  @Test
  void watchdogThreadRunsOnlyWhileAConnectionIsOpen() throws Exception {
    assertThat(watchdogRunning()).isTrue();
    peer.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (watchdogRunning() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(watchdogRunning()).isFalse();
  }

  private static boolean watchdogRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("respite-reply-timeout") && t.isAlive());
  }

  private void sendPing() throws IOException {
    Commands.PING.write(connection.writer());
    connection.send(1);
  }
}

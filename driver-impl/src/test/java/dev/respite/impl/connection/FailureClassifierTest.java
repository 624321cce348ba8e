package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisProtocolException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  private RedisConnection connection;

  @BeforeEach
  void connectionInStep() {
    connection = mock(RedisConnection.class);
    when(connection.address()).thenReturn("127.0.0.1:6390");
    when(connection.socketTimeoutMillis()).thenReturn(200);
    when(connection.unreadReplies()).thenReturn(0L);
  }

  @Test
  void serverErrorReadWholeKeepsTheConnection() {
    RedisServerException error = new RedisServerException("WRONGTYPE Operation against a key");
    assertThat(FailureClassifier.classify(connection, "GET", error)).isSameAs(error);
    verify(connection, never()).markBroken();
  }

  @Test
  void replyOfUnexpectedTypeReadWholeKeepsTheConnection() {
    RedisException mismatch = new RedisException("Expected an integer reply but got ARRAY");
    assertThat(FailureClassifier.classify(connection, "INCR", mismatch)).isSameAs(mismatch);
    verify(connection, never()).markBroken();
  }

  @Test
  void serverErrorWithRepliesStillUnreadBreaksTheConnection() {
    when(connection.unreadReplies()).thenReturn(1L);
    FailureClassifier.classify(connection, "GET", new RedisServerException("ERR x"));
    verify(connection).markBroken();
  }

  @Test
  void timeoutBreaksTheConnectionAndSaysWhatTimedOut() {
    RuntimeException result = FailureClassifier.classify(connection, "DEBUG", new SocketTimeoutException("Read timed out"));
    assertThat(result).isInstanceOf(RedisTimeoutException.class)
        .hasMessageContaining("DEBUG").hasMessageContaining("127.0.0.1:6390").hasMessageContaining("200 ms");
    verify(connection).markBroken();
  }

  @Test
  void ioErrorBreaksTheConnection() {
    RuntimeException result = FailureClassifier.classify(connection, "PING", new EOFException());
    assertThat(result).isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("server closed the connection");
    verify(connection).markBroken();
    assertThat(FailureClassifier.classify(connection, "PING", new IOException("Connection reset")))
        .isInstanceOf(RedisConnectionException.class).hasMessageContaining("Connection reset");
  }

  @Test
  void protocolErrorBreaksTheConnection() {
    RedisProtocolException error = new RedisProtocolException("Unknown reply type byte 0x3f");
    assertThat(FailureClassifier.classify(connection, "GET", error)).isSameAs(error);
    verify(connection).markBroken();
  }

  @Test
  void unexpectedRuntimeFailureBreaksTheConnection() {
    RuntimeException result = FailureClassifier.classify(connection, "GET", new IllegalStateException("bug"));
    assertThat(result).isInstanceOf(RedisException.class).hasCauseInstanceOf(IllegalStateException.class);
    verify(connection).markBroken();
  }
}

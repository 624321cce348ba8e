package dev.respite.it;

import static dev.respite.testsupport.FakeRespServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.Reply;
import dev.respite.RedisProtocolException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.testsupport.FakeRespServer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that sends bytes no Redis would send: each malformed reply fails its command with a clear
 * exception, allocates nothing like what the bytes claim, destroys the connection (the server sees it
 * closed), and the next session works on a fresh connection.
 */
class MalformedReplyIntegrationTest {
  /** Far below the 512 MiB a trusting decoder would allocate for the largest header here. */
  private static final long ALLOCATION_BOUND = 64L * 1024 * 1024;
  private static final AtomicInteger INPUTS_TRIED = new AtomicInteger();

  static Stream<Arguments> malformedReplies() {
    return Stream.of(
        protocolError("wrong type byte", "?what\r\n", "type byte"),
        protocolError("unprintable type byte", "\u0001\r\n", "type byte"),
        protocolError("bulk not followed by CRLF", "$3\r\nfooXY", "CRLF"),
        protocolError("line ending in LF only", ":12\n", "LF without CR"),
        protocolError("CR followed by another byte", "+OK\rX\n", "CR not followed by LF"),
        protocolError("negative bulk length", "$-2\r\n", "Negative"),
        protocolError("negative array length", "*-7\r\n", "Negative"),
        protocolError("bulk length of 2^63", "$9223372036854775808\r\n", "range"),
        protocolError("array length of 2^63", "*9223372036854775808\r\n", "range"),
        protocolError("integer of 2^63", ":9223372036854775808\r\n", "range"),
        protocolError("bulk header one byte over 512 MiB", "$536870913\r\n", "exceeds the limit"),
        protocolError("array nested 10,000 deep", "*1\r\n".repeat(10_000) + ":1\r\n", "nested deeper"),
        protocolError("letters in a length", "$12abc\r\n", "digit"),
        protocolError("RESP3 boolean that is neither t nor f", "#x\r\n", "boolean"),
        protocolError("RESP3 double that is not a number", ",abc\r\n", "double"));
  }

  private static Arguments protocolError(String name, String reply, String messagePart) {
    return Arguments.of(name, reply.getBytes(StandardCharsets.ISO_8859_1), messagePart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedReplies")
  void malformedReplyFailsClearlyAndDestroysTheConnection(String name, byte[] reply, String messagePart) {
    try (FakeRespServer server = FakeRespServer.start(badOnce(reply));
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=5s"))) {
      long before = allocatedByThisThread();
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.execute("GET", "k");
        }
      });
      long allocated = allocatedByThisThread() - before;
      INPUTS_TRIED.incrementAndGet();

      assertThat(thrown).as(name).isInstanceOf(RedisProtocolException.class).hasMessageContaining(messagePart);
      assertThat(thrown.getMessage().length()).as("message length").isLessThan(400);
      assertThat(allocated).as("bytes allocated reading the reply").isLessThan(ALLOCATION_BOUND);
      assertDestroyedThenRecovered(server, ds);
    }
  }

  @Test
  void typedReadOfAMalformedReplyFailsTheSameWay() {
    try (FakeRespServer server = FakeRespServer.start(badOnce(ascii("$4\r\nabc")));
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=5s"))) {
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.get("k");
        }
      });
      INPUTS_TRIED.incrementAndGet();
      // Four bytes were promised, three came, then the server kept quiet: only the timeout can end it.
      assertThat(thrown).isInstanceOf(RedisTimeoutException.class);
      assertDestroyedThenRecovered(server, ds);
    }
  }

  @Test
  void bulkHeaderOf512MiBWithNoBodyTimesOutWithoutAllocatingIt() {
    try (FakeRespServer server = FakeRespServer.start(badOnce(ascii("$536870912\r\n")));
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=1s"))) {
      long before = allocatedByThisThread();
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.get("k");
        }
      });
      long allocated = allocatedByThisThread() - before;
      INPUTS_TRIED.incrementAndGet();
      // 512 MiB is exactly the default maxBulkLength, so the header is legal; the body never comes.
      assertThat(thrown).isInstanceOf(RedisTimeoutException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms waited").isLessThan(15_000);
      assertThat(allocated).as("bytes allocated").isLessThan(ALLOCATION_BOUND);
      assertDestroyedThenRecovered(server, ds);
    }
  }

  @Test
  void bulkHeaderOf512MiBThenACloseFailsAsAConnectionError() {
    AtomicBoolean first = new AtomicBoolean(true);
    try (FakeRespServer server = FakeRespServer.start(command -> {
          if (first.getAndSet(false)) {
            return ascii("$536870912\r\n" + "x".repeat(100_000));
          }
          return echoOrOk(command);
        });
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=1s"))) {
      long before = allocatedByThisThread();
      Throwable thrown = catchThrowable(() -> {
        try (RedisSession s = ds.openSession()) {
          s.get("k");
        }
      });
      long allocated = allocatedByThisThread() - before;
      INPUTS_TRIED.incrementAndGet();
      assertThat(thrown).isInstanceOfAny(RedisTimeoutException.class, RedisConnectionException.class);
      assertThat(allocated).as("bytes allocated for 100 kB received").isLessThan(ALLOCATION_BOUND);
      assertDestroyedThenRecovered(server, ds);
    }
  }

  @Test
  void unsolicitedBytesOnAnIdlePooledConnectionAreNeverReadAsAReply() {
    try (FakeRespServer server = FakeRespServer.start(MalformedReplyIntegrationTest::echoOrOk);
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=2s"))) {
      try (RedisSession s = ds.openSession()) {
        OwnReplies.expect(s.execute("ECHO", "first").asString(), "first", "ECHO");
      }
      // Idle: the pool's connection, or (multiplexed) the lane, which is checked the same way before use.
      assertThat(ds.poolStats().idle()).isEqualTo(SuiteMode.pooledConnectionsOfAnOpenSession(ds));
      server.sendToAll(ascii("$8\r\nSURPRISE\r\n"));
      ConnectionAccounting.sleep(200); // let the bytes reach the client's socket buffer
      INPUTS_TRIED.incrementAndGet();
      try (RedisSession s = ds.openSession()) {
        // Replaced transparently on borrow: the stray reply is read by nobody.
        OwnReplies.expect(s.execute("ECHO", "second").asString(), "second", "ECHO");
      }
      assertThat(server.acceptedConnections()).isEqualTo(2);
      awaitClosedByClient(server, 1);
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void extraReplyAfterTheAnswerIsNeverGivenToTheNextCommandOfTheSession() {
    AtomicBoolean first = new AtomicBoolean(true);
    try (FakeRespServer server = FakeRespServer.start(command -> {
          if (first.getAndSet(false)) {
            return ascii("$5\r\nfirst\r\n$5\r\nextra\r\n");
          }
          return echoOrOk(command);
        });
        RedisDataSource ds = RedisDataSource.create(server.url()
            + RedisServerExtension.withSuiteOptions("?poolMaxTotal=1&socketTimeout=2s"))) {
      INPUTS_TRIED.incrementAndGet();
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("ECHO", "first").asString()).isEqualTo("first");
        ConnectionAccounting.sleep(100);
        Reply second;
        try {
          second = s.execute("ECHO", "second");
        } catch (RedisProtocolException | RedisConnectionException e) {
          return; // refused as out of step with the server: what the driver should do
        }
        // Answered: then only with its own reply, never with the stray "extra".
        assertThat(second.asString()).isEqualTo("second");
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("[reliability] malformed inputs tried against the driver: " + INPUTS_TRIED.get());
  }

  /** Answers the first command with {@code reply}, the rest properly. */
  private static FakeRespServer.Script badOnce(byte[] reply) {
    AtomicBoolean first = new AtomicBoolean(true);
    return command -> first.getAndSet(false) ? reply : echoOrOk(command);
  }

  /** What a healthy server would say: the argument of ECHO, else +OK. */
  static byte[] echoOrOk(List<byte[]> command) {
    if (FakeRespServer.name(command).equals("ECHO")) {
      byte[] argument = command.get(1);
      byte[] header = ascii("$" + argument.length + "\r\n");
      byte[] reply = new byte[header.length + argument.length + 2];
      System.arraycopy(header, 0, reply, 0, header.length);
      System.arraycopy(argument, 0, reply, header.length, argument.length);
      reply[reply.length - 2] = '\r';
      reply[reply.length - 1] = '\n';
      return reply;
    }
    return ascii("+OK\r\n");
  }

  private static void assertDestroyedThenRecovered(FakeRespServer server, RedisDataSource ds) {
    awaitClosedByClient(server, 1);
    assertThat(ds.poolStats().active()).isZero();
    try (RedisSession s = ds.openSession()) {
      OwnReplies.expect(s.execute("ECHO", "after").asString(), "after", "ECHO");
    }
    assertThat(server.acceptedConnections()).as("connections opened").isBetween(2, 3);
    awaitOpen(server, ds.poolStats().idle() + (SuiteMode.multiplexed(ds) ? 1 : 0)); // and the lane of ECHO
    assertThat(ds.poolStats().active()).isZero();
  }

  /** The server holds exactly {@code expected} connections: the broken one is closed, no other leaked. */
  private static void awaitOpen(FakeRespServer server, int expected) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (server.openConnections() != expected && System.currentTimeMillis() < deadline) {
      ConnectionAccounting.sleep(20);
    }
    assertThat(server.openConnections()).as("connections open at the server").isEqualTo(expected);
  }

  private static void awaitClosedByClient(FakeRespServer server, int expected) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (server.closedByClient() < expected && System.currentTimeMillis() < deadline) {
      ConnectionAccounting.sleep(20);
    }
    assertThat(server.closedByClient()).as("connections the driver closed").isEqualTo(expected);
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

}

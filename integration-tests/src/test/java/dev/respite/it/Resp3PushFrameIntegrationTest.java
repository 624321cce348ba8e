package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.spi.RedisListener;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RESP3 pushes that arrive beside replies (client-side caching's key invalidations, after {@code CLIENT
 * TRACKING ON}) are out-of-band: they are neither taken for a reply nor a protocol error, so the session's
 * later commands, plain, pipelined or in a transaction, keep working and no connection is destroyed as
 * broken. (Tracking itself marks the connection to be closed after the session; that is expected.)
 */
class Resp3PushFrameIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private final AtomicLong broken = new AtomicLong();
  private RedisDataSource tracked;

  @BeforeEach
  void openTrackedDataSource() {
    tracked = redis.dataSource("?protocol=3&poolMaxTotal=2");
    tracked.addListener(new RedisListener() {
      @Override
      public void connectionDestroyed(DestroyReason reason) {
        if (reason == DestroyReason.BROKEN) {
          broken.incrementAndGet();
        }
      }
    });
  }

  @Test
  void anInvalidationCausedByAnotherClientDoesNotDisturbTheSessionsNextCommands() {
    RedisDataSource other = redis.dataSource("");
    try (RedisSession a = tracked.openSession()) {
      a.execute("CLIENT", "TRACKING", "ON");
      a.set("k", "1");
      assertThat(a.get("k")).isEqualTo("1"); // now tracked: a change by anyone sends A an invalidation
      try (RedisSession b = other.openSession()) {
        b.set("k", "2");
      }
      // The push is on A's socket before A's next reply, or arrives while A reads it.
      awaitInvalidationSent();
      assertTheSessionStillWorks(a);
    }
    assertThat(broken.get()).as("connections destroyed as broken").isZero();
    assertSessionsStillWork();
  }

  @Test
  void anInvalidationInTheSameReadAsTheReplyIsNotTakenForIt() {
    try (RedisSession a = tracked.openSession()) {
      a.execute("CLIENT", "TRACKING", "ON");
      a.set("k", "1");
      assertThat(a.get("k")).isEqualTo("1");
      // A's own write invalidates the key A tracks: the push and the SET reply come in the same read.
      a.set("k", "2");
      assertThat(a.get("k")).isEqualTo("2");
      a.set("k", "3"); // tracked again by the GET above: another push beside this reply
      assertTheSessionStillWorks(a);
    }
    assertThat(broken.get()).as("connections destroyed as broken").isZero();
    assertSessionsStillWork();
  }

  private void assertTheSessionStillWorks(RedisSession a) {
    assertThat(a.ping()).isEqualTo("PONG");
    assertThat(a.get("k")).isNotNull();
    assertThat(a.incr("counter")).isEqualTo(1);
    try (Pipeline<String, String> p = a.pipeline()) {
      Response<Long> n = p.queue(c -> c.incr("counter"));
      Response<String> k = p.queue(c -> c.get("k"));
      p.sync();
      assertThat(n.get()).isEqualTo(2);
      assertThat(k.get()).isNotNull();
    }
    assertThat(a.transaction(tx -> tx.queue(c -> c.incr("counter")))).isTrue();
    assertThat(a.mget("counter", "missing")).containsExactly("3", null);
    assertThat(a.execute("CLIENT", "TRACKINGINFO").asMap().get("flags").asList())
        .extracting(f -> f.asString()).contains("on");
  }

  /** A later session of the same data source works too, and nothing was destroyed as broken. */
  private void assertSessionsStillWork() {
    try (RedisSession next = tracked.openSession()) {
      assertThat(next.ping()).isEqualTo("PONG");
      assertThat(next.mget("k", "counter")).doesNotContainNull();
    }
    assertThat(broken.get()).as("connections destroyed as broken").isZero();
    assertThat(tracked.poolStats().active()).isZero();
  }

  /** The server writes the invalidation at once; a short pause makes it wait on the socket before A's next read. */
  private static void awaitInvalidationSent() {
    ConnectionAccounting.sleep(100);
  }

}

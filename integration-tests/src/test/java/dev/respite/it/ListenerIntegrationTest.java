package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.spi.RedisListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListenerIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void listenerSeesCommandsAndPoolEvents() {
    Recorder recorder = new Recorder();
    try (RedisDataSource ds = redis.dataSource("?poolMaxTotal=1&poolMaxWait=100ms")) {
      ds.addListener(recorder);
      try (RedisSession s = ds.openSession(3)) {
        s.set("k", "v");
        s.execute("LPUSH", "list", "x");
        assertThatThrownBy(() -> s.get("list")).isInstanceOf(RedisServerException.class);
        assertThatThrownBy(ds::openSession).isInstanceOf(RedisPoolExhaustedException.class);
      }
      assertThat(recorder.events).contains("created", "acquired", "SELECT db=3 ok", "SET db=3 ok",
          "LPUSH db=3 ok", "GET db=3 RedisServerException", "timedOut", "released");
    }
    assertThat(recorder.events).contains("destroyed POOL_CLOSED", "closed");
  }

  @Test
  void throwingListenerNeverBreaksACommand() {
    try (RedisDataSource ds = redis.dataSource("")) {
      ds.addListener(new RedisListener() {
        @Override
        public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void connectionAcquired(long waitNanos) {
          throw new IllegalStateException("listener bug");
        }
      });
      try (RedisSession s = ds.openSession()) {
        s.set("k", "v");
        assertThat(s.get("k")).isEqualTo("v");
      }
    }
  }

  @Test
  void removedListenerIsClosedAndHearsNothingMore() {
    Recorder recorder = new Recorder();
    try (RedisDataSource ds = redis.dataSource("")) {
      ds.addListener(recorder);
      ds.removeListener(recorder);
      try (RedisSession s = ds.openSession()) {
        s.ping();
      }
    }
    assertThat(recorder.events).containsExactly("closed");
  }

  private static final class Recorder implements RedisListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
      assertThat(durationNanos).isPositive();
      events.add(command + " db=" + database + " " + (failure == null ? "ok" : failure.getClass().getSimpleName()));
    }

    @Override
    public void connectionAcquired(long waitNanos) {
      events.add("acquired");
    }

    @Override
    public void connectionTimedOut(long waitNanos) {
      events.add("timedOut");
    }

    @Override
    public void connectionReleased(long useNanos) {
      events.add("released");
    }

    @Override
    public void connectionCreated(long createNanos) {
      events.add("created");
    }

    @Override
    public void connectionDestroyed(DestroyReason reason) {
      events.add("destroyed " + reason);
    }

    @Override
    public void close() {
      events.add("closed");
    }
  }
}

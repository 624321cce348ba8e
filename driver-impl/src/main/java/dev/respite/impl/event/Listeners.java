package dev.respite.impl.event;

import dev.respite.spi.RedisListener;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of one data source, called safely: a listener that throws is logged and ignored, never
 * breaking the command it observes. Reads are lock-free (a copy-on-write array); with no listener the hot
 * path checks {@link #isEmpty()} and skips even the clock.
 */
public final class Listeners implements RedisListener {
  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
  private static final RedisListener[] NONE = {};

  private volatile RedisListener[] listeners = NONE;

  /** Whether no listener is registered: the caller may skip timing altogether. */
  public boolean isEmpty() {
    return listeners.length == 0;
  }

  /** {@link System#nanoTime()}, or 0 when nobody listens. */
  public long startTime() {
    return isEmpty() ? 0 : System.nanoTime();
  }

  /** Adds a listener. */
  public synchronized void add(RedisListener listener) {
    Objects.requireNonNull(listener, "listener");
    RedisListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
    more[listeners.length] = listener;
    listeners = more;
  }

  /** Removes and closes a listener, if registered. */
  public synchronized void remove(RedisListener listener) {
    RedisListener[] current = listeners;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == listener) {
        RedisListener[] fewer = new RedisListener[current.length - 1];
        System.arraycopy(current, 0, fewer, 0, i);
        System.arraycopy(current, i + 1, fewer, i, current.length - i - 1);
        listeners = fewer;
        closeQuietly(listener);
        return;
      }
    }
  }

  /** Closes and removes every listener. */
  @Override
  public synchronized void close() {
    RedisListener[] current = listeners;
    listeners = NONE;
    for (RedisListener listener : current) {
      closeQuietly(listener);
    }
  }

  /** Reports a command that started at {@code startNanos}, as {@link #startTime()} gave it (0: nobody listened). */
  public void commandFinished(String command, int database, long startNanos, @Nullable Throwable failure) {
    if (startNanos != 0) {
      commandCompleted(command, database, System.nanoTime() - startNanos, failure);
    }
  }

  @Override
  public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
    for (RedisListener listener : listeners) {
      try {
        listener.commandCompleted(command, database, durationNanos, failure);
      } catch (Throwable t) {
        logged(listener, t);
      }
    }
  }

  @Override
  public void connectionAcquired(long waitNanos) {
    each(listener -> listener.connectionAcquired(waitNanos));
  }

  @Override
  public void connectionTimedOut(long waitNanos) {
    each(listener -> listener.connectionTimedOut(waitNanos));
  }

  @Override
  public void connectionReleased(long useNanos) {
    each(listener -> listener.connectionReleased(useNanos));
  }

  @Override
  public void connectionCreated(long createNanos) {
    each(listener -> listener.connectionCreated(createNanos));
  }

  @Override
  public void connectionDestroyed(DestroyReason reason) {
    each(listener -> listener.connectionDestroyed(reason));
  }

  @Override
  public void subscriberMessageDelivered(long listenerNanos) {
    // A loop rather than each(): a capturing lambda per message would allocate.
    for (RedisListener listener : listeners) {
      try {
        listener.subscriberMessageDelivered(listenerNanos);
      } catch (Throwable t) {
        logged(listener, t);
      }
    }
  }

  @Override
  public void subscriberReconnecting(Throwable cause) {
    each(listener -> listener.subscriberReconnecting(cause));
  }

  private void each(Consumer<RedisListener> event) {
    for (RedisListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (Throwable t) {
        logged(listener, t);
      }
    }
  }

  private static void closeQuietly(RedisListener listener) {
    try {
      listener.close();
    } catch (Throwable t) {
      logged(listener, t);
    }
  }

  private static void logged(RedisListener listener, Throwable t) {
    LOG.log(Level.WARNING, "RedisListener " + listener.getClass().getName() + " threw; ignored", t);
  }
}

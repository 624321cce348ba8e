package dev.respite.impl.event;

import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.jfr.FlightEvents;
import dev.respite.impl.jfr.FlightRecorderPresence;
import dev.respite.spi.RedisListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of one data source, called safely: a listener that throws is logged and ignored, never
 * breaking the command it observes. Reads are lock-free (a copy-on-write array). Also emits the driver's JFR
 * events ({@link FlightEvents}) and the slow-command log. With no listener, no recording of
 * {@code dev.respite.Command} and no {@code slowCommandThreshold}, {@link #commandStarted} returns 0 without
 * reading the clock and the rest of the command path does nothing.
 */
public final class Listeners implements RedisListener {
  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
  private static final RedisListener[] NONE = {};

  /** Null where the runtime has no {@code jdk.jfr} module. */
  private final @Nullable FlightEvents flight;
  private final SlowCommandLog slow;
  private volatile RedisListener[] listeners = NONE;

  /** Listeners of the pool {@code pool} on {@code server} ({@code host:port}); a zero threshold: no slow log. */
  public Listeners(String pool, String server, Duration slowCommandThreshold) {
    this.flight = FlightRecorderPresence.PRESENT ? new FlightEvents(pool, server) : null;
    this.slow = new SlowCommandLog(slowCommandThreshold, server);
  }

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

  /** Whether the JFR event or the slow log needs the thread's {@link CommandInFlight}. */
  private boolean tracksInFlight() {
    return slow.isOn() || (flight != null && FlightEvents.recordingCommands());
  }

  /**
   * Call just before writing a command on {@code c}, on the thread that runs it; hand the result to
   * {@link #commandFinished}. Returns 0, touching nothing, when nobody watches commands.
   */
  public long commandStarted(RedisConnection c, String command, int database) {
    return started(c, null, command, 1, database);
  }

  /** Reports a command that started at {@code startNanos}, as {@link #commandStarted} gave it (0: nobody watched). */
  public void commandFinished(String command, int database, long startNanos, @Nullable Throwable failure) {
    if (startNanos != 0) {
      long duration = System.nanoTime() - startNanos;
      commandCompleted(command, database, duration, failure);
      if (tracksInFlight()) {
        CommandInFlight.current().end(startNanos, false, database, duration, failure, flight, slow);
      }
    }
  }

  /** Call just before writing a pipeline or transaction of {@code commands}; as {@link #commandStarted}. */
  public long batchStarted(RedisConnection c, BatchKind kind, int commands, int database) {
    return started(c, kind, batchName(kind), commands, database);
  }

  /** Tells the listeners, and the thread's in-flight record if JFR or the slow log wants it; 0 if nobody watches. */
  private long started(RedisConnection c, @Nullable BatchKind batch, String name, int commands, int database) {
    RedisListener[] current = listeners;
    boolean inFlight = tracksInFlight();
    if (current.length == 0 && !inFlight) {
      return 0;
    }
    long start = System.nanoTime();
    for (RedisListener listener : current) {
      try {
        if (batch == null) {
          listener.commandStarted(name, database);
        } else {
          listener.batchStarted(batch, commands, database);
        }
      } catch (Throwable t) {
        logged(listener, t);
      }
    }
    if (inFlight) {
      CommandInFlight.current().begin(c, name, commands, start, batch != null);
    }
    return start;
  }

  /** Reports a batch that started at {@code startNanos}, as {@link #batchStarted} gave it. */
  public void batchFinished(BatchKind kind, int commands, int database, long startNanos, @Nullable Throwable failure) {
    if (startNanos == 0) {
      return;
    }
    long duration = System.nanoTime() - startNanos;
    for (RedisListener listener : listeners) {
      try {
        listener.batchCompleted(kind, commands, database, duration, failure);
      } catch (Throwable t) {
        logged(listener, t);
      }
    }
    if (tracksInFlight()) {
      CommandInFlight.current().end(startNanos, true, database, duration, failure, flight, slow);
    }
  }

  /** The name a batch has in JFR events and the slow log. */
  static String batchName(BatchKind kind) {
    return kind == BatchKind.PIPELINE ? "PIPELINE" : "MULTI";
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

  /** Reports a borrow that waited {@code waitNanos}; cheap when nobody listens or records. */
  @Override
  public void connectionAcquired(long waitNanos) {
    if (flight != null) {
      flight.poolWait(waitNanos, false);
    }
    if (!isEmpty()) {
      each(listener -> listener.connectionAcquired(waitNanos));
    }
  }

  @Override
  public void connectionTimedOut(long waitNanos) {
    if (flight != null) {
      flight.poolWait(waitNanos, true);
    }
    each(listener -> listener.connectionTimedOut(waitNanos));
  }

  @Override
  public void connectionReleased(long useNanos) {
    each(listener -> listener.connectionReleased(useNanos));
  }

  @Override
  public void connectionCreated(long createNanos) {
    if (flight != null) {
      flight.connectionOpened(createNanos);
    }
    each(listener -> listener.connectionCreated(createNanos));
  }

  @Override
  public void connectionDestroyed(DestroyReason reason) {
    connectionDestroyed(reason, null);
  }

  /** A connection was closed for {@code reason}; {@code cause} is the failure that broke it, if one did. */
  public void connectionDestroyed(DestroyReason reason, @Nullable Throwable cause) {
    if (flight != null) {
      flight.connectionClosed(reason, cause);
    }
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
    if (flight != null) {
      flight.subscriberReconnect(cause);
    }
    each(listener -> listener.subscriberReconnecting(cause));
  }

  @Override
  public void primaryChanged(@Nullable String previous, String current) {
    each(listener -> listener.primaryChanged(previous, current));
  }

  @Override
  public void clusterRedirected(String kind) {
    each(listener -> listener.clusterRedirected(kind));
  }

  @Override
  public void topologyRefreshed(String cause) {
    each(listener -> listener.topologyRefreshed(cause));
  }

  @Override
  public void clusterNodesKnown(int nodes) {
    each(listener -> listener.clusterNodesKnown(nodes));
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

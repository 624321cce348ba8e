package dev.respite.impl.jfr;

import dev.respite.spi.RedisListener.DestroyReason;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Emits the driver's JFR events for one data source. Every method first asks whether a recording wants the
 * event ({@code isEnabled()} on a shared, never committed instance: a read of a flag, no allocation), so a
 * JVM that records nothing pays a branch.
 */
public final class FlightEvents {
  private static final CommandEvent COMMANDS = new CommandEvent();
  private static final PoolWaitEvent POOL_WAITS = new PoolWaitEvent();
  private static final ConnectionOpenedEvent OPENED = new ConnectionOpenedEvent();
  private static final ConnectionClosedEvent CLOSED = new ConnectionClosedEvent();
  private static final SubscriberReconnectEvent RECONNECTS = new SubscriberReconnectEvent();

  private final String pool;
  private final String server;

  /** Events of the pool {@code pool}, whose server is {@code server} ({@code host:port}). */
  public FlightEvents(String pool, String server) {
    this.pool = pool;
    this.server = server;
  }

  /** Whether a recording wants {@code dev.respite.Command} events. */
  public static boolean recordingCommands() {
    return COMMANDS.isEnabled();
  }

  /** Whether a recording wants {@code dev.respite.PoolWait} events. */
  public static boolean recordingPoolWaits() {
    return POOL_WAITS.isEnabled();
  }

  /** The pool's name. */
  public String pool() {
    return pool;
  }

  /** The server, {@code host:port}. */
  public String server() {
    return server;
  }

  /** A borrow that got a connection after {@code waitNanos}, or gave up ({@code timedOut}). */
  public void poolWait(long waitNanos, boolean timedOut) {
    if (!POOL_WAITS.isEnabled()) {
      return;
    }
    PoolWaitEvent event = new PoolWaitEvent();
    if (event.shouldCommit()) {
      event.pool = pool;
      event.waited = waitNanos;
      event.outcome = timedOut ? "timeout" : "acquired";
      event.commit();
    }
  }

  /** A connection opened in {@code setupNanos}. */
  public void connectionOpened(long setupNanos) {
    if (!OPENED.isEnabled()) {
      return;
    }
    ConnectionOpenedEvent event = new ConnectionOpenedEvent();
    if (event.shouldCommit()) {
      event.pool = pool;
      event.server = server;
      event.setupTime = setupNanos;
      event.commit();
    }
  }

  /** A connection closed for {@code reason}; {@code cause} is what broke it, if anything did. */
  public void connectionClosed(DestroyReason reason, @Nullable Throwable cause) {
    if (!CLOSED.isEnabled()) {
      return;
    }
    ConnectionClosedEvent event = new ConnectionClosedEvent();
    if (event.shouldCommit()) {
      event.pool = pool;
      event.server = server;
      event.reason = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      event.cause = cause == null ? null : Outcome.of(cause);
      event.commit();
    }
  }

  /** A subscriber lost its connection because of {@code cause}. */
  public void subscriberReconnect(Throwable cause) {
    if (!RECONNECTS.isEnabled()) {
      return;
    }
    SubscriberReconnectEvent event = new SubscriberReconnectEvent();
    if (event.shouldCommit()) {
      event.pool = pool;
      event.server = server;
      event.cause = Outcome.of(cause);
      event.commit();
    }
  }
}

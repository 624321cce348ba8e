package dev.respite.spi;

import org.jspecify.annotations.Nullable;

/**
 * Receives what a data source does: every command's outcome and duration, the pool's events, and its
 * subscribers' messages and reconnections. This is the seam metrics plug into (the {@code driver-metrics}
 * module implements it with Micrometer); register one with
 * {@link dev.respite.RedisDataSource#addListener(RedisListener)}.
 *
 * <p>Every method has a no-op default. Methods are called on the thread doing the work, in the middle of
 * it: they must be fast, must not block, must not throw (an exception is logged and ignored) and must not
 * call back into the data source. Arguments never carry keys or values, only low-cardinality names.
 */
public interface RedisListener {

  /**
   * A command is about to be written, on the thread that runs it; {@link #commandCompleted} follows on the
   * same thread, with no other command of that thread in between. A tracer opens its span here, as a child of
   * the caller's current one. Commands queued in a pipeline or transaction have no start of their own: the
   * batch has ({@link #batchStarted}).
   *
   * @param command the command's name in upper case, such as {@code GET}
   * @param database the database the session is using
   */
  default void commandStarted(String command, int database) {}

  /**
   * A command finished.
   *
   * @param command the command's name in upper case, such as {@code GET} (no subcommand, no arguments)
   * @param database the database the session was using
   * @param durationNanos from the first byte written to the last byte of the reply read
   * @param failure null on success; else what the caller got: a {@link dev.respite.RedisServerException}
   *     (an error reply), a {@link dev.respite.RedisTimeoutException}, a
   *     {@link dev.respite.RedisConnectionException}, a {@link dev.respite.RedisProtocolException}...
   */
  default void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {}

  /**
   * A pipeline or transaction is about to be written, on the thread that runs it, as one write of
   * {@code commands} commands ({@code MULTI} and {@code EXEC} not counted). {@link #commandCompleted} follows
   * for each command read back (for a transaction, once, as {@code EXEC}), then {@link #batchCompleted}.
   */
  default void batchStarted(BatchKind kind, int commands, int database) {}

  /**
   * A pipeline or transaction finished: every reply was read, or the connection failed.
   *
   * @param durationNanos from the first byte written to the last byte of the last reply read
   * @param failure null if the replies were read (an error reply fails only its own command), else the
   *     failure of the connection
   */
  default void batchCompleted(BatchKind kind, int commands, int database, long durationNanos,
      @Nullable Throwable failure) {}

  /** A session got a connection after waiting {@code waitNanos}. */
  default void connectionAcquired(long waitNanos) {}

  /** Borrowing gave up after {@code poolMaxWait}: {@link dev.respite.RedisPoolExhaustedException}. */
  default void connectionTimedOut(long waitNanos) {}

  /** A session gave back its connection after using it for {@code useNanos}. */
  default void connectionReleased(long useNanos) {}

  /** A new connection was opened and handshaken in {@code createNanos}. */
  default void connectionCreated(long createNanos) {}

  /** A connection was closed, for {@code reason}. */
  default void connectionDestroyed(DestroyReason reason) {}

  /**
   * A subscriber handed a message to its {@link dev.respite.pubsub.MessageListener}, whose
   * {@code onMessage} returned (or threw) after {@code listenerNanos}. Called on the subscriber's thread.
   */
  default void subscriberMessageDelivered(long listenerNanos) {}

  /** A subscriber lost its connection because of {@code cause}, and is connecting again. */
  default void subscriberReconnecting(Throwable cause) {}

  /**
   * A Redis Cluster node redirected a command elsewhere: {@code kind} is {@code "moved"} (the slot has a new
   * owner) or {@code "ask"} (the slot is being migrated). The command is then retried where the node said.
   */
  default void clusterRedirected(String kind) {}

  /**
   * A data source that follows a topology asked for it again (a cluster's slot map, the primary Sentinel names).
   *
   * @param cause why, low-cardinality: {@code initial}, {@code connection_failed}; a cluster's
   *     {@code periodic}, {@code moved}, {@code uncovered_slot}, {@code promotion} (a replica of a primary that
   *     could not be reached answered {@code ROLE master} and took its slots); Sentinel's {@code poll}, {@code event},
   *     {@code resubscribed}, {@code retry}; or the error code that refused a command in lower case
   *     ({@code tryagain}, {@code clusterdown}, {@code loading}, {@code masterdown}, {@code readonly})
   */
  default void topologyRefreshed(String cause) {}

  /**
   * A cluster data source's slot map now names {@code nodes} nodes (primaries and replicas). Also called once
   * when the listener is added to a cluster data source, to tell the current number.
   */
  default void clusterNodesKnown(int nodes) {}

  /** The data source was closed, or this listener removed: release what the listener holds (meters). */
  default void close() {}

  /**
   * A data source that follows a topology (Sentinel) sends commands to another primary from now on. Also
   * called once when the listener is added to such a data source, with {@code previous} null, to tell the
   * current primary.
   *
   * @param previous the old primary's {@code host:port}, or null
   * @param current the new primary's {@code host:port}
   */
  default void primaryChanged(@Nullable String previous, String current) {}

  /** What sends several commands in one write. */
  enum BatchKind {
    /** {@link dev.respite.command.Pipeline}: commands sent together, each answered on its own. */
    PIPELINE,
    /** {@link dev.respite.command.Transaction}: {@code MULTI}, the commands, {@code EXEC}. */
    TRANSACTION
  }

  /** Why a connection was closed. */
  enum DestroyReason {
    /** A timeout, I/O or protocol error left its state unknown. */
    BROKEN,
    /** A session left state that cannot be undone cheaply (a subscription, {@code HELLO}, ...). */
    DIRTY,
    /** The borrow-time check found it closed by the server, or holding bytes nobody asked for. */
    VALIDATION_FAILED,
    /** Idle longer than {@code poolIdleTimeout}, or beyond what the pool keeps idle. */
    IDLE,
    /** Older than the maximum lifetime. */
    EXPIRED,
    /** The data source was closed. */
    POOL_CLOSED
  }
}

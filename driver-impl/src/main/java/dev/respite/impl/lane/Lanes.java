package dev.respite.impl.lane;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisPoolExhaustedException;
import dev.respite.RedisServerException;
import dev.respite.Reply;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pool.ConnectionPool;
import dev.respite.spi.RedisListener.BatchKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The shared connections (lanes) of one data source, for the commands of unpinned sessions. A command
 * goes to the open lane with the fewest commands queued; a lane is opened when first needed (only while
 * the open ones are busy, so one thread alone uses one lane) and replaced after it broke. A request that
 * was never written when its lane broke (or when its idle lane's socket was found closed) is sent on
 * another lane, up to {@value #ATTEMPTS} times more than there are lanes.
 */
public final class Lanes implements AutoCloseable {
  /** Estimated bytes queued or in flight per lane; a single request is at most {@link PinRule#LARGEST_LANE_FRAME}. */
  public static final int MAX_BYTES_PER_LANE = 4 * 1024 * 1024;
  private static final int ATTEMPTS = 3;

  private final ConnectionPool pool;
  private final Connector connector;
  private final Listeners listeners;
  private final AtomicReferenceArray<@Nullable Lane> lanes;
  private final ReentrantLock[] opening;
  private final int database;
  private final int maxCommands;
  private final long maxWaitNanos;
  private final long timeoutNanos;
  private volatile boolean closed;

  /** {@code count} lanes to {@code connector}'s server, none opened yet. */
  public Lanes(int count, ConnectionPool pool, Connector connector, Listeners listeners) {
    this.pool = pool;
    this.connector = connector;
    this.listeners = listeners;
    this.lanes = new AtomicReferenceArray<>(count);
    this.opening = new ReentrantLock[count];
    for (int i = 0; i < count; i++) {
      opening[i] = new ReentrantLock();
    }
    this.database = connector.config().database();
    this.maxCommands = connector.config().multiplexMaxInFlight();
    this.maxWaitNanos = connector.config().poolMaxWait().toNanos();
    this.timeoutNanos = connector.config().socketTimeout().toNanos();
  }

  /** The database every lane uses: the data source's. */
  public int database() {
    return database;
  }

  /** Commands queued or in flight on every lane. */
  public int inFlight() {
    int total = 0;
    for (int i = 0; i < lanes.length(); i++) {
      Lane lane = lanes.get(i);
      total += lane == null ? 0 : lane.queued();
    }
    return total;
  }

  /** Runs {@code command} on a lane and decodes its reply in the caller's thread. */
  public <T extends @Nullable Object> T run(Command<T> command) {
    LaneRequest request = new LaneRequest(new Command<?>[] {command});
    try {
      request = exchange(request, c -> listeners.commandStarted(c, command.name(), database));
      T value = decode(command, request.reply(0));
      listeners.commandFinished(command.name(), database, request.startNanos(), null);
      return value;
    } catch (RuntimeException e) {
      listeners.commandFinished(command.name(), database, request.startNanos(), e);
      throw e;
    }
  }

  /** Whether a pipeline of {@code commands} fits on a lane at all ({@code multiplexMaxInFlight}). */
  public boolean takes(int commands) {
    return commands <= maxCommands;
  }

  /** Writes the pipeline's commands contiguously on one lane and completes each response with its reply. */
  public void runPipeline(List<QueuedResponse<?>> queued) {
    if (queued.isEmpty()) {
      return; // a request with no reply to wait for would sit at the head of the in-flight queue for ever
    }
    Command<?>[] commands = new Command<?>[queued.size()];
    for (int i = 0; i < commands.length; i++) {
      commands[i] = queued.get(i).command();
    }
    LaneRequest request = new LaneRequest(commands);
    try {
      request = exchange(request, c -> listeners.batchStarted(c, BatchKind.PIPELINE, commands.length, database));
    } catch (RuntimeException e) {
      for (QueuedResponse<?> response : queued) {
        response.fail(e);
        listeners.commandFinished(response.command().name(), database, request.startNanos(), e);
      }
      listeners.batchFinished(BatchKind.PIPELINE, commands.length, database, request.startNanos(), e);
      throw e;
    }
    long start = request.startNanos();
    for (int i = 0; i < commands.length; i++) {
      QueuedResponse<?> response = queued.get(i);
      Object reply = request.reply(i);
      if (reply instanceof RedisServerException) {
        response.fail(new RedisServerException(((RedisServerException) reply).serverMessage()));
      } else {
        response.decode((Reply) reply);
      }
      listeners.commandFinished(commands[i].name(), database, start, null);
    }
    listeners.batchFinished(BatchKind.PIPELINE, commands.length, database, start, null);
  }

  /**
   * Sends {@code first} until it is answered and returns the request that was (a retry is a new one);
   * throws its failure otherwise. {@code started} tells the listeners when the first lane is known.
   */
  private LaneRequest exchange(LaneRequest first, ToLongFunction<RedisConnection> started) {
    long deadline = System.nanoTime() + maxWaitNanos;
    int attempts = ATTEMPTS + lanes.length(); // every lane may be found closed while idle (CLIENT KILL of all)
    LaneRequest request = first;
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw pool.closedException();
      }
      Lane lane = pick(deadline);
      if (attempt == 1) {
        request.startNanos(started.applyAsLong(lane.connection()));
      }
      Object outcome;
      if (offer(lane, request, deadline)) {
        outcome = request.await(lane, timeoutNanos);
        if (outcome == LaneRequest.ANSWERED) {
          return request;
        }
        if (outcome != LaneRequest.NOT_SENT) {
          throw (RuntimeException) outcome;
        }
      }
      if (attempt == attempts) {
        throw new RedisConnectionException(request.name() + " was not sent: " + attempts
            + " shared connections to " + connector.config().host() + ":" + connector.config().port()
            + " broke before writing it", null);
      }
      request = request.again();
    }
  }

  private boolean offer(Lane lane, LaneRequest request, long deadline) {
    try {
      return lane.offer(request, deadline);
    } catch (Lane.RoomTimeout full) {
      long waited = System.nanoTime() - (deadline - maxWaitNanos);
      listeners.connectionTimedOut(waited);
      throw new RedisPoolExhaustedException(pool.name(), Duration.ofNanos(waited), pool.stats());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("Interrupted while waiting for room on a shared connection of pool "
          + pool.name(), e);
    }
  }

  /** The open lane with the fewest commands queued; opens a missing or broken one when all are busy. */
  private Lane pick(long deadline) {
    int count = lanes.length();
    while (true) {
      int first = count == 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
      Lane best = null;
      int missing = -1;
      for (int i = 0; i < count; i++) {
        int slot = (first + i) % count;
        Lane lane = lanes.get(slot);
        if (lane == null || !lane.isOpen()) {
          missing = missing < 0 ? slot : missing;
        } else if (best == null || lane.queued() < best.queued()) {
          best = lane;
        }
      }
      if (best != null && (missing < 0 || best.queued() == 0)) {
        return best;
      }
      Lane opened = open(missing, best == null ? deadline : 0);
      if (opened != null) {
        return opened;
      }
      if (best != null) {
        return best;
      }
    }
  }

  /**
   * Opens a lane in {@code slot}, unless another thread is doing so: then waits for it until
   * {@code deadline}, or returns null at once when {@code deadline} is 0.
   */
  private @Nullable Lane open(int slot, long deadline) {
    ReentrantLock lock = opening[slot];
    try {
      if (deadline == 0 ? !lock.tryLock() : !lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        if (deadline == 0) {
          return null;
        }
        throw new RedisConnectionException("No shared connection to " + connector.config().host() + ":"
            + connector.config().port() + " could be opened within poolMaxWait", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("Interrupted while opening a shared connection of pool " + pool.name(), e);
    }
    try {
      Lane current = lanes.get(slot);
      if (current != null && current.isOpen()) {
        return current;
      }
      if (closed) {
        throw pool.closedException();
      }
      long start = System.nanoTime();
      RedisConnection connection = connector.open();
      Lane lane;
      try {
        lane = new Lane(connection, pool.name() + "-" + slot, maxCommands, MAX_BYTES_PER_LANE);
      } catch (IOException e) {
        connection.close();
        throw new RedisConnectionException("Could not set up a shared connection: " + e.getMessage(), e);
      }
      listeners.connectionCreated(System.nanoTime() - start);
      lanes.set(slot, lane);
      if (closed) {
        lane.broken(pool.closedException());
      }
      return lane;
    } finally {
      lock.unlock();
    }
  }

  private static <T> T decode(Command<T> command, Object reply) {
    if (reply instanceof RedisServerException) {
      // A new exception, so that its stack trace is the caller's rather than the lane reader's.
      throw new RedisServerException(((RedisServerException) reply).serverMessage());
    }
    try {
      return command.decoder().decode((Reply) reply);
    } catch (RedisException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RedisException("Could not decode the reply to " + command.name() + ": " + e, e);
    }
  }

  /** Closes every lane: what is in flight fails, what is queued is not sent. */
  @Override
  public void close() {
    closed = true;
    for (int i = 0; i < lanes.length(); i++) {
      Lane lane = lanes.get(i);
      if (lane != null) {
        lane.broken(pool.closedException());
      }
    }
  }
}

package dev.respite.impl.pubsub;

import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.impl.command.Commands;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.pubsub.MessageKind;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber's side of the conversation with the server: the current connection (none while
 * reconnecting), what the subscriber is subscribed to, and the confirmations it waits for. Application
 * threads, the keep-alive timer and the reader thread meet here; one lock guards it all, and commands are
 * written under it, so that the order of the pending confirmations is the order on the wire. Nothing here
 * calls the application's listener.
 */
final class SubscriberConnection {
  private static final System.Logger LOG = System.getLogger(SubscriberConnection.class.getName());

  private final String name;
  private final Object lock = new Object();
  private final Subscriptions subscriptions = new Subscriptions();
  private final PendingConfirmations pending = new PendingConfirmations();
  private @Nullable RedisConnection connection;
  private volatile boolean closed;
  /** Set by {@link #dropConnection()}: the next backoff ends at once; guarded by {@link #lock}. */
  private boolean retryNow;
  /**
   * Shard channels whose {@code SUNSUBSCRIBE} was written on the current connection and not yet answered, with
   * how many times: any other {@code sunsubscribe} the server sends is its own (the slot moved away from this
   * node); guarded by {@link #lock}.
   */
  private final Map<String, Integer> unsubscribing = new HashMap<>();

  SubscriberConnection(String name, RedisConnection first) {
    this.name = name;
    this.connection = first;
  }

  /**
   * Records a subscription change and sends it with a confirming PING, or keeps it for the next connection.
   *
   * @return what to wait for; null when there is nothing to wait for (an unsubscribe while disconnected:
   *     the server forgot everything with the lost connection, and it will not be renewed)
   * @throws RedisException if closed
   */
  @Nullable Confirmation change(MessageKind kind, boolean subscribe, String[] asked) {
    ProtocolKeyword command =
        subscribe ? Subscriptions.subscribeCommand(kind) : Subscriptions.unsubscribeCommand(kind);
    Confirmation confirmation = new Confirmation();
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
      // SUNSUBSCRIBE of all names each one, so that each answer is known to be ours (see droppedByServer).
      String[] names = kind == MessageKind.SHARD_CHANNEL && !subscribe && asked.length == 0
          ? subscriptions.snapshot(kind).toArray(new String[0]) : asked;
      if (subscribe) {
        subscriptions.add(kind, names);
      } else {
        subscriptions.remove(kind, names);
      }
      RedisConnection current = connection;
      if (current != null && send(current, command, names)) {
        pending.sent(confirmation);
        if (kind == MessageKind.SHARD_CHANNEL && !subscribe) {
          for (String name : names) {
            unsubscribing.merge(name, 1, Integer::sum);
          }
        }
      } else if (subscribe) {
        pending.awaitConnection(confirmation);
      } else {
        return null;
      }
    }
    return confirmation;
  }

  /**
   * The server said it unsubscribed {@code shardChannel}: true if nobody asked (a cluster node whose slot moved
   * away unsubscribes that slot's channels itself), and then forgets it, since a reconnection to this node
   * could not subscribe it again; false if it answers our own {@code SUNSUBSCRIBE}.
   */
  boolean droppedByServer(String shardChannel) {
    synchronized (lock) {
      Integer asked = unsubscribing.remove(shardChannel);
      if (asked != null) {
        if (asked > 1) {
          unsubscribing.put(shardChannel, asked - 1);
        }
        return false;
      }
      return subscriptions.removeOne(MessageKind.SHARD_CHANNEL, shardChannel);
    }
  }

  /** Forgets names the server refused to subscribe to, so that a reconnection does not try them again. */
  void forget(MessageKind kind, String[] names) {
    synchronized (lock) {
      subscriptions.remove(kind, names);
    }
  }

  /** Sends a keep-alive PING, if connected. */
  void ping() {
    synchronized (lock) {
      RedisConnection current = connection;
      if (!closed && current != null && send(current, null, new String[0])) {
        pending.sent(new Confirmation());
      }
    }
  }

  /**
   * Writes {@code command names...} (if there is a command) and a PING; on failure closes the connection,
   * which the reader then replaces, and returns false.
   */
  private static boolean send(RedisConnection current, @Nullable ProtocolKeyword command, String[] names) {
    try {
      if (command != null) {
        Commands.subscription(command, List.of(names)).write(current.writer());
      }
      Commands.PING.write(current.writer()); // its answer confirms every command written before it
      current.send(command != null ? 2 : 1);
      return true;
    } catch (IOException | RuntimeException e) {
      current.close();
      return false;
    }
  }

  /**
   * Closes the current connection but not the subscriber: the reader sees the loss and connects again (to
   * wherever its connector points now: a new Sentinel primary), renewing every subscription.
   */
  void dropConnection() {
    RedisConnection current;
    synchronized (lock) {
      current = connection;
      retryNow = true;
      lock.notifyAll(); // a reader waiting out its backoff tries the new target at once
    }
    if (current != null) {
      current.close();
    }
  }

  /** Whether {@link #close()} has not been called. */
  boolean isOpen() {
    return !closed;
  }

  /** A snapshot of the names of {@code kind}. */
  Set<String> snapshot(MessageKind kind) {
    synchronized (lock) {
      return subscriptions.snapshot(kind);
    }
  }

  /** The number of names of {@code kind}. */
  int size(MessageKind kind) {
    synchronized (lock) {
      return subscriptions.size(kind);
    }
  }

  /**
   * The reader lost {@code lostConnection}: closes it; what waited for a confirmation now waits for the
   * next connection. Returns whether it was the current one (not already closed by {@link #close}).
   */
  boolean lost(RedisConnection lostConnection) {
    lostConnection.close();
    synchronized (lock) {
      if (connection != lostConnection) {
        return false;
      }
      connection = null;
      unsubscribing.clear();
      pending.connectionLost();
      return true;
    }
  }

  /**
   * Makes {@code fresh} the connection and subscribes it to everything, with a confirming PING whose
   * confirmation is returned; null if closed meanwhile (the caller closes {@code fresh}).
   */
  @Nullable Confirmation resubscribe(RedisConnection fresh) throws IOException {
    Confirmation renewed = new Confirmation();
    synchronized (lock) {
      if (closed) {
        return null;
      }
      int commands = subscriptions.writeAll(fresh.writer());
      Commands.PING.write(fresh.writer());
      fresh.send(commands + 1);
      connection = fresh;
      unsubscribing.clear();
      pending.connectionRenewed(renewed);
    }
    return renewed;
  }

  /** A reply (a PONG) arrived: the oldest confirmation is reached. */
  void replied() {
    Confirmation oldest;
    synchronized (lock) {
      oldest = pending.removeOldest();
    }
    if (oldest != null) {
      oldest.reached(); // outside the lock: it may run follow-ups that call the listener
    }
  }

  /** An error reply arrived: it belongs to the commands of the oldest confirmation. */
  void refused(RedisServerException e) {
    Confirmation oldest;
    synchronized (lock) {
      oldest = pending.oldest();
    }
    if (oldest != null) {
      oldest.refused(e);
    } else {
      LOG.log(Level.WARNING, () -> name + " got an error reply nobody waited for: " + e.getMessage());
    }
  }

  /**
   * Waits {@code millis} before a reconnection attempt, or less if closed or {@linkplain #dropConnection()
   * told to retry now} meanwhile; false if closed.
   */
  boolean backoff(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (lock) {
      long left;
      while (!closed && !retryNow && (left = deadline - System.nanoTime()) > 0) {
        lock.wait(Math.max(1, left / 1_000_000));
      }
      retryNow = false;
      return !closed;
    }
  }

  /**
   * Closes the connection (which wakes the reader from its read) and fails every pending confirmation;
   * returns false if it was closed already.
   */
  boolean close() {
    RedisConnection current;
    List<Confirmation> abandoned;
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      current = connection;
      connection = null;
      abandoned = pending.removeAll();
      lock.notifyAll(); // wakes the reader from a reconnection backoff
    }
    if (current != null) {
      current.close();
    }
    RedisException closedException = closedException();
    abandoned.forEach(c -> c.fail(closedException));
    return true;
  }

  private RedisException closedException() {
    return new RedisException("The subscriber " + name + " is closed");
  }
}

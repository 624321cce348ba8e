package dev.respite.impl.pubsub;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.RedisTimeoutException;
import dev.respite.Reply;
import dev.respite.ReplyType;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.pubsub.MessageKind;
import dev.respite.pubsub.SubscriberState;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of a subscriber's daemon thread: reads what the server sends, hands messages to the subscriber
 * in the order received, and when the connection is lost connects again with a bounded backoff and has
 * the subscriber subscribe to everything again.
 *
 * <p>Messages arrive as RESP3 push frames ({@code >3 message channel payload}) when the protocol is 3, as
 * RESP2 arrays otherwise; subscribe confirmations are ignored (the {@code PING} after each command confirms
 * it). Any other reply is the answer to such a {@code PING}, RESP2's {@code ["pong", ""]} included.
 *
 * <p>The socket has no short read timeout, since a subscriber may rightly hear nothing for hours; but the
 * keep-alive pings every {@code pingInterval}, so a read that waits longer than that plus
 * {@code socketTimeout} means the server or the network is gone, and the connection is replaced.
 */
final class SubscriberReader implements Runnable {
  private static final System.Logger LOG = System.getLogger(SubscriberReader.class.getName());
  private static final long MIN_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  /** Failed attempts between two reminders at WARNING level during a long outage. */
  private static final int WARN_EVERY = 20;

  private final RealRedisSubscriber subscriber;
  private final SubscriberConnection link;
  private final RedisConfig config;
  private final Connector connector;
  private final Duration pingInterval;
  private final ReconnectBackoff backoff = new ReconnectBackoff(MIN_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS);
  private RedisConnection connection;

  SubscriberReader(RealRedisSubscriber subscriber, SubscriberConnection link, Connector connector,
      RedisConnection first, Duration pingInterval) {
    this.subscriber = subscriber;
    this.link = link;
    this.config = connector.config();
    this.connector = connector;
    this.connection = first;
    this.pingInterval = pingInterval;
  }

  /** Readies a new connection for subscribing: the long read timeout the keep-alive allows. */
  static void prepare(RedisConnection fresh, RedisConfig config, Duration pingInterval) throws IOException {
    fresh.subscriberMode();
    fresh.readTimeout(readTimeoutMillis(config, pingInterval));
  }

  private static int readTimeoutMillis(RedisConfig config, Duration pingInterval) {
    return (int) Math.min(Integer.MAX_VALUE, pingInterval.toMillis() + config.socketTimeout().toMillis());
  }

  @Override
  public void run() {
    try {
      for (;;) {
        try {
          readUntilFailure(connection);
        } catch (IOException | RuntimeException e) {
          if (subscriber.isClosed()) {
            return;
          }
          RedisException cause = lostBecause(e);
          LOG.log(Level.WARNING, () -> subscriber.name() + ": " + cause.getMessage()
              + "; reconnecting, messages published meanwhile are lost");
          if (link.lost(connection)) {
            subscriber.changeState(SubscriberState.RECONNECTING, cause);
          }
          RedisConnection fresh = reconnect();
          if (fresh == null) {
            return;
          }
          connection = fresh;
        }
      }
    } catch (Error e) {
      LOG.log(Level.ERROR, subscriber.name() + " stopped on an error; the subscriber is closed", e);
      subscriber.close();
      throw e;
    } finally {
      connection.close();
      subscriber.changeState(SubscriberState.CLOSED, null);
    }
  }

  /** Reads and dispatches until the connection fails; error replies are refusals, not failures. */
  private void readUntilFailure(RedisConnection current) throws IOException {
    for (;;) {
      Reply reply;
      try {
        reply = current.reader().readReplyOrPush();
      } catch (RedisServerException e) {
        link.refused(e);
        continue;
      }
      dispatch(reply);
    }
  }

  private void dispatch(Reply reply) {
    ReplyType type = reply.type();
    if (type == ReplyType.PUSH || type == ReplyType.ARRAY) {
      List<Reply> parts = reply.asList();
      String kind = parts.isEmpty() || !isText(parts.get(0)) ? null : parts.get(0).asString();
      if (kind != null) {
        switch (kind) {
          case "message":
            deliver(MessageKind.CHANNEL, parts, 1, null);
            return;
          case "smessage":
            deliver(MessageKind.SHARD_CHANNEL, parts, 1, null);
            return;
          case "pmessage":
            deliver(MessageKind.PATTERN, parts, 2, parts.size() == 4 ? parts.get(1).asString() : null);
            return;
          case "sunsubscribe":
            shardChannelUnsubscribed(parts);
            return;
          case "subscribe":
          case "psubscribe":
          case "ssubscribe":
          case "unsubscribe":
          case "punsubscribe":
            return; // the PING that follows each command confirms it
          default:
            break;
        }
      }
      if (type == ReplyType.PUSH) {
        LOG.log(Level.DEBUG, () -> subscriber.name() + " ignored a push message of kind " + kind);
        return;
      }
    }
    link.replied();
  }

  /** Ours are confirmed by the PING after them; one nobody asked for means a cluster slot moved away. */
  private void shardChannelUnsubscribed(List<Reply> parts) {
    String channel = parts.size() == 3 && isText(parts.get(1)) ? parts.get(1).asString() : null;
    if (channel != null && link.droppedByServer(channel)) {
      subscriber.shardChannelDropped(channel);
    }
  }

  private void deliver(MessageKind kind, List<Reply> parts, int channelAt, @Nullable String pattern) {
    if (parts.size() != channelAt + 2 || (kind == MessageKind.PATTERN && pattern == null)) {
      LOG.log(Level.WARNING, () -> subscriber.name() + " ignored a malformed " + kind + " message of "
          + parts.size() + " parts");
      return;
    }
    String channel = parts.get(channelAt).asString();
    byte[] payload = parts.get(channelAt + 1).asBytes();
    if (channel == null || payload == null) {
      LOG.log(Level.WARNING, () -> subscriber.name() + " ignored a " + kind + " message without a channel or"
          + " payload");
      return;
    }
    subscriber.deliver(new ReceivedMessage(kind, channel, pattern, payload));
  }

  /** Connects again until it works or the subscriber is closed (then null); logs without credentials. */
  private @Nullable RedisConnection reconnect() {
    backoff.reset();
    for (int attempt = 1;; attempt++) {
      try {
        if (!link.backoff(backoff.nextDelayMillis())) {
          return null;
        }
      } catch (InterruptedException e) {
        return null; // nobody else can reach this thread to interrupt it; take it as a request to stop
      }
      RedisConnection fresh = null;
      try {
        fresh = connector.open();
        prepare(fresh, config, pingInterval);
        Confirmation renewed = link.resubscribe(fresh);
        if (renewed == null) {
          fresh.close();
          return null;
        }
        String address = fresh.address();
        renewed.whenDone(failure -> {
          if (failure instanceof RedisServerException refusal) {
            LOG.log(Level.WARNING, () -> subscriber.name() + " reconnected to " + address
                + " but the server refused to subscribe again: " + refusal.getMessage());
            subscriber.resubscribeRefused(refusal);
          }
          subscriber.changeState(SubscriberState.CONNECTED, null);
        });
        int attempts = attempt;
        LOG.log(Level.INFO, () -> subscriber.name() + " connected again to " + address + " (attempt " + attempts
            + "); subscribing again");
        return fresh;
      } catch (IOException | RuntimeException e) {
        if (fresh != null) {
          fresh.close();
        }
        int attempts = attempt;
        Level level = attempt % WARN_EVERY == 0 ? Level.WARNING : Level.DEBUG;
        LOG.log(level, () -> subscriber.name() + " could not reconnect to " + config.host() + ":" + config.port()
            + " (attempt " + attempts + "): " + describe(e));
      }
    }
  }

  /** The failure that cost the connection, as the exception the listener is shown. */
  private RedisException lostBecause(Throwable failure) {
    String address = connection.address();
    if (failure instanceof SocketTimeoutException) {
      return new RedisTimeoutException("No answer from " + address + " within "
          + readTimeoutMillis(config, pingInterval) + " ms, although the subscriber pings every "
          + pingInterval.toMillis() + " ms; the connection was replaced", failure);
    }
    if (failure instanceof RedisException && !(failure instanceof RedisServerException)) {
      return (RedisException) failure;
    }
    return new RedisConnectionException("Lost the subscriber connection to " + address + ": "
        + describe(failure), failure);
  }

  private static boolean isText(Reply reply) {
    ReplyType type = reply.type();
    return type == ReplyType.BULK_STRING || type == ReplyType.SIMPLE_STRING;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof EOFException) {
      return "the server closed the connection";
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}

/**
 * Redis pub/sub: {@link dev.respite.pubsub.RedisSubscriber}, opened with
 * {@link dev.respite.RedisDataSource#openSubscriber(MessageListener)}, holds one dedicated connection
 * (never one of the pool's) on which it subscribes to channels, patterns and shard channels, and hands every
 * {@link dev.respite.pubsub.Message} to a {@link dev.respite.pubsub.MessageListener}. It reconnects and
 * subscribes again by itself when the connection is lost. Publishing is an ordinary command, sent from
 * any session.
 *
 * <p>Redis pub/sub delivers at most once: a message published while no subscriber connection is up (the
 * server restarting, the network down, the subscriber reconnecting) is lost, and so are the messages
 * Redis drops when a slow subscriber's output buffer exceeds {@code client-output-buffer-limit pubsub}.
 * Use streams when every message must arrive.
 */
@NullMarked
package dev.respite.pubsub;

import org.jspecify.annotations.NullMarked;

/**
 * Pub/sub internals: not API, may change in any release. A {@link RealRedisSubscriber} owns one dedicated
 * connection and a daemon {@link SubscriberReader} thread; the pool is never involved.
 */
@NullMarked
package dev.respite.impl.pubsub;

import org.jspecify.annotations.NullMarked;

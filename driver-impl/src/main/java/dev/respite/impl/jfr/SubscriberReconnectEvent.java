package dev.respite.impl.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/** A subscriber lost its connection and began to reconnect. */
@Name("dev.respite.SubscriberReconnect")
@Label("Redis Subscriber Reconnect")
@Category({"Respite", "Redis"})
@Description("A pub/sub subscriber lost its connection and began to reconnect")
@StackTrace(false)
final class SubscriberReconnectEvent extends Event {
  @Label("Pool")
  @Nullable String pool;

  @Label("Server")
  @Nullable String server;

  @Label("Cause")
  @Description("timeout, protocol error, connection error...")
  @Nullable String cause;
}

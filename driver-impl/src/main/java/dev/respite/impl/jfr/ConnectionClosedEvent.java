package dev.respite.impl.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/** The pool closed a connection, and why. */
@Name("dev.respite.ConnectionClosed")
@Label("Redis Connection Closed")
@Category({"Respite", "Redis"})
@Description("The pool closed a connection")
@StackTrace(false)
final class ConnectionClosedEvent extends Event {
  @Label("Pool")
  @Nullable String pool;

  @Label("Server")
  @Nullable String server;

  @Label("Reason")
  @Description("idle, expired, broken, dirty, validation failed or pool closed")
  @Nullable String reason;

  @Label("Cause")
  @Description("For a broken connection: timeout, protocol error, connection error...")
  @Nullable String cause;
}

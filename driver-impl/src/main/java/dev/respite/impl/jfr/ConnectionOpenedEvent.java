package dev.respite.impl.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/** The pool opened a connection (connected, TLS if any, and handshaken). */
@Name("dev.respite.ConnectionOpened")
@Label("Redis Connection Opened")
@Category({"Respite", "Redis"})
@Description("The pool opened a connection: TCP connect, TLS handshake if any, AUTH/HELLO/SELECT")
@StackTrace(false)
final class ConnectionOpenedEvent extends Event {
  @Label("Pool")
  @Nullable String pool;

  @Label("Server")
  @Nullable String server;

  @Label("Setup Time")
  @Timespan(Timespan.NANOSECONDS)
  long setupTime;
}

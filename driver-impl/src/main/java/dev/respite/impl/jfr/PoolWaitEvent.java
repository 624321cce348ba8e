package dev.respite.impl.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/** A session's wait for a connection from the pool; recorded when the wait ends. */
@Name("dev.respite.PoolWait")
@Label("Redis Pool Wait")
@Category({"Respite", "Redis"})
@Description("A session waited for a connection from the pool (recorded when the wait ended)")
final class PoolWaitEvent extends Event {
  @Label("Pool")
  @Nullable String pool;

  @Label("Waited")
  @Timespan(Timespan.NANOSECONDS)
  long waited;

  @Label("Outcome")
  @Description("acquired, or timeout (RedisPoolExhaustedException after poolMaxWait)")
  @Nullable String outcome;
}

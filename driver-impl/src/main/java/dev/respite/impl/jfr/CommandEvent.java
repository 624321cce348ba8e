package dev.respite.impl.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * One command, or one pipeline or transaction, from its first byte written to its last reply read. Never
 * carries arguments, keys or values.
 */
@Name("dev.respite.Command")
@Label("Redis Command")
@Category({"Respite", "Redis"})
@Description("A Redis command, pipeline or transaction: from the first byte written to the last reply read")
@StackTrace(false)
final class CommandEvent extends Event {
  @Label("Command")
  @Description("The command's name (GET, HSET...), or PIPELINE or MULTI for a batch")
  @Nullable String command;

  @Label("Commands")
  @Description("Commands sent in this round trip: 1, or how many a pipeline or transaction held")
  int commands;

  @Label("Database")
  int database;

  @Label("Server")
  @Description("host:port")
  @Nullable String server;

  @Label("Pool")
  @Nullable String pool;

  @Label("Outcome")
  @Description("success, server error, timeout, connection error, protocol error or client error")
  @Nullable String outcome;

  @Label("Error Code")
  @Description("The error reply's code (WRONGTYPE, NOSCRIPT...), for a server error")
  @Nullable String errorCode;

  @Label("Bytes Written")
  @DataAmount
  long bytesWritten;

  @Label("Bytes Read")
  @DataAmount
  @Description("Bytes read from the socket while the command ran")
  long bytesRead;
}

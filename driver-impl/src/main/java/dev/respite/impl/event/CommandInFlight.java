package dev.respite.impl.event;

import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.jfr.CommandRecording;
import dev.respite.impl.jfr.FlightEvents;
import dev.respite.impl.jfr.FlightRecorderPresence;
import org.jspecify.annotations.Nullable;

/**
 * What a thread's running command (or batch) needs at its end for its JFR event and the slow-command log:
 * its connection (bytes, wait) and name. One per thread, reused; touched only while a recording or the slow
 * log is on, so the ordinary command path never reaches the thread-local.
 */
final class CommandInFlight {
  private static final ThreadLocal<CommandInFlight> CURRENT = ThreadLocal.withInitial(CommandInFlight::new);

  private final @Nullable CommandRecording recording =
      FlightRecorderPresence.PRESENT ? new CommandRecording() : null;
  private @Nullable RedisConnection connection;
  private String command = "";
  private int commands;
  private long start;
  private boolean batch;

  static CommandInFlight current() {
    return CURRENT.get();
  }

  void begin(RedisConnection c, String command, int commands, long start, boolean batch) {
    this.connection = c;
    this.command = command;
    this.commands = commands;
    this.start = start;
    this.batch = batch;
    if (recording != null) {
      recording.begin(c);
    }
  }

  /**
   * Ends the command (or batch) begun at {@code start}, if this thread began it: a command queued in a batch
   * reports its reply with the batch's start, and must not end the batch.
   */
  void end(long start, boolean batch, int database, long durationNanos, @Nullable Throwable failure,
      @Nullable FlightEvents events, SlowCommandLog slow) {
    RedisConnection c = connection;
    if (c == null || start != this.start || batch != this.batch) {
      return;
    }
    connection = null;
    if (recording != null && events != null) {
      recording.end(events, c, command, commands, database, failure);
    }
    slow.check(command, batch, commands, database, durationNanos, c.waitedNanos());
  }
}

package dev.respite.impl.jfr;

import dev.respite.impl.connection.RedisConnection;
import org.jspecify.annotations.Nullable;

/**
 * The {@code dev.respite.Command} event of the command (or batch) a thread is running: begun before the first
 * byte is written, committed after the last reply is read. One instance per thread, reused.
 */
public final class CommandRecording {
  private @Nullable CommandEvent event;
  private long writtenBefore;
  private long readBefore;

  /** Starts timing a command on {@code connection}, if a recording wants commands. */
  public void begin(RedisConnection connection) {
    if (!FlightEvents.recordingCommands()) {
      event = null;
      return;
    }
    CommandEvent e = new CommandEvent();
    writtenBefore = connection.bytesWritten();
    readBefore = connection.bytesRead();
    e.begin();
    event = e;
  }

  /** Ends the command begun last and commits its event, if it was begun and passes the recording's threshold. */
  public void end(FlightEvents events, RedisConnection connection, String command, int commands, int database,
      @Nullable Throwable failure) {
    CommandEvent e = event;
    if (e == null) {
      return;
    }
    event = null;
    e.end();
    if (e.shouldCommit()) {
      e.command = command;
      e.commands = commands;
      e.database = database;
      e.server = events.server();
      e.pool = events.pool();
      e.outcome = Outcome.of(failure);
      e.errorCode = Outcome.errorCode(failure);
      e.bytesWritten = connection.bytesWritten() - writtenBefore;
      e.bytesRead = connection.bytesRead() - readBefore;
      e.commit();
    }
  }
}

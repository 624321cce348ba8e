package dev.respite.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log record the driver writes while open, at every level. The driver logs through
 * {@link System.Logger}, which goes to java.util.logging unless an application plugs in another backend, so
 * a handler on the {@code dev.respite} logger sees it all.
 */
final class CapturedLog implements AutoCloseable {
  private final Logger logger; // held strongly: java.util.logging forgets the level of a collected logger
  private final Level previousLevel;
  private final boolean previousUseParentHandlers;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private CapturedLog() {
    logger = Logger.getLogger("dev.respite");
    previousLevel = logger.getLevel();
    previousUseParentHandlers = logger.getUseParentHandlers();
    handler.setLevel(Level.ALL);
    logger.setUseParentHandlers(false); // keep the expected warnings out of the build's console
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Starts capturing; close to stop. */
  static CapturedLog start() {
    return new CapturedLog();
  }

  /** The records so far. */
  List<LogRecord> records() {
    return new ArrayList<>(records);
  }

  /** The records at {@code level} so far. */
  List<LogRecord> at(Level level) {
    return records.stream().filter(r -> r.getLevel().equals(level)).toList();
  }

  /** Waits up to {@code seconds} for a record that matches, and returns it, or null. */
  LogRecord await(Predicate<LogRecord> matching, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (LogRecord record : records) {
        if (matching.test(record)) {
          return record;
        }
      }
      Thread.sleep(20);
    }
    return null;
  }

  /** Every record's level, logger, message and full stack trace, as one text to search. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (LogRecord record : records) {
      text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
          .append(record.getMessage()).append('\n');
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append("  parameter: ").append(parameter).append('\n');
        }
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        text.append(trace).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParentHandlers);
  }
}

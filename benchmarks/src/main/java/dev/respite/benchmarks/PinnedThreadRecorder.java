package dev.respite.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records JFR {@code jdk.VirtualThreadPinned} events (any duration) while virtual threads run, and
 * counts them afterwards: all of them, those inside the measured window (one-time warm-up effects such as
 * class loading and initialization happen before it), and by reason (JDK 24+ names it in
 * {@code pinnedReason}) with the first frame outside the JDK.
 */
final class PinnedThreadRecorder implements AutoCloseable {

  static final String EVENT = "jdk.VirtualThreadPinned";

  private final Recording recording = new Recording();
  private final Path file;
  private final Map<String, Long> byReason = new TreeMap<>();
  private long count;
  private long measured;

  PinnedThreadRecorder(Path file) {
    this.file = file;
    recording.enable(EVENT).withThreshold(Duration.ZERO).withStackTrace();
    recording.start();
  }

  /** Stops the recording, writes it out, and counts the events: all, and those from {@code from} to {@code to}. */
  void finish(Instant from, Instant to) throws IOException {
    recording.stop();
    recording.dump(file);
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals(EVENT)) {
        continue;
      }
      count++;
      String reason = event.hasField("pinnedReason") ? String.valueOf(event.getString("pinnedReason")) : "";
      if (!event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
        measured++;
      }
      String where = firstNonJdkFrame(event);
      byReason.merge((reason.isEmpty() ? "pinned" : reason) + " at " + where, 1L, Long::sum);
    }
  }

  private static String firstNonJdkFrame(RecordedEvent event) {
    if (event.getStackTrace() == null) {
      return "?";
    }
    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
      }
    }
    return "JDK code";
  }

  long count() {
    return count;
  }

  /** Events that started inside the measured window. */
  long measured() {
    return measured;
  }

  String summary() {
    return byReason.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
        .collect(Collectors.joining("; "));
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    recording.close();
  }
}

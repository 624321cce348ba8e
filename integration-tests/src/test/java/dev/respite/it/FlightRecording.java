package dev.respite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** A JFR recording of the driver's {@code dev.respite.*} events only, every one (no threshold). */
final class FlightRecording implements AutoCloseable {
  static final String COMMAND = "dev.respite.Command";
  static final String POOL_WAIT = "dev.respite.PoolWait";
  static final String CONNECTION_OPENED = "dev.respite.ConnectionOpened";
  static final String CONNECTION_CLOSED = "dev.respite.ConnectionClosed";
  static final String SUBSCRIBER_RECONNECT = "dev.respite.SubscriberReconnect";

  private final Recording recording = new Recording();

  private FlightRecording() {
    for (String event : List.of(COMMAND, POOL_WAIT, CONNECTION_OPENED, CONNECTION_CLOSED, SUBSCRIBER_RECONNECT)) {
      recording.enable(event).withThreshold(Duration.ZERO);
    }
    recording.start();
  }

  static FlightRecording start() {
    return new FlightRecording();
  }

  /** Stops the recording and returns its events named {@code name}, in the order they were committed. */
  List<RecordedEvent> stop(String name) {
    return stop().stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
  }

  /** Stops the recording and returns all its events. */
  List<RecordedEvent> stop() {
    recording.stop();
    try {
      Path file = Files.createTempFile("respite", ".jfr");
      try {
        recording.dump(file);
        return RecordingFile.readAllEvents(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    recording.close();
  }
}

package dev.respite.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The {@value #NAME} timers of one data source, cached by command, outcome and database, so that recording
 * a command costs a few map look-ups and no allocation of ours; Micrometer's own {@code registry.timer(...)}
 * would build a meter id (and its tags) every time.
 */
final class OperationTimers {
  static final String NAME = "db.client.operation.duration";
  private static final String DESCRIPTION = "Duration of Redis commands, from the first byte written to"
      + " the last byte of the reply read";
  /** A loopback round trip takes tens of microseconds; anything past the socket timeout is a failure. */
  private static final Duration HISTOGRAM_MIN = Duration.ofNanos(10_000);
  private static final Duration HISTOGRAM_MAX = Duration.ofSeconds(10);

  private final RegisteredMeters meters;
  private final Tags commonTags;
  private final CommandTag commandTag;
  private final boolean histograms;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, DatabaseTimers>> byOperation =
      new ConcurrentHashMap<>();

  OperationTimers(RegisteredMeters meters, Tags commonTags, CommandTag commandTag, boolean histograms) {
    this.meters = meters;
    this.commonTags = commonTags;
    this.commandTag = commandTag;
    this.histograms = histograms;
  }

  /** Records one command; {@code errorType} is {@link ErrorType#NONE} on success. */
  void record(String command, int database, long durationNanos, String errorType) {
    String operation = commandTag.valueFor(command);
    ConcurrentHashMap<String, DatabaseTimers> outcomes = byOperation.get(operation);
    if (outcomes == null) {
      outcomes = byOperation.computeIfAbsent(operation, key -> new ConcurrentHashMap<>());
    }
    DatabaseTimers timers = outcomes.get(errorType);
    if (timers == null) {
      timers = outcomes.computeIfAbsent(errorType, key -> new DatabaseTimers(this, operation, key));
    }
    Timer timer = timers.get(database);
    if (timer != null) {
      timer.record(durationNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Registers the timer of one command, outcome and database; null once the binding is closed. */
  @Nullable Timer register(String operation, String errorType, int database) {
    Tags tags = commonTags.and("db.namespace", Integer.toString(database), "error.type", errorType);
    if (commandTag.isTagged()) {
      tags = tags.and("db.operation.name", operation);
    }
    Timer.Builder builder = Timer.builder(NAME).description(DESCRIPTION).tags(tags);
    if (histograms) {
      builder.publishPercentileHistogram().minimumExpectedValue(HISTOGRAM_MIN).maximumExpectedValue(HISTOGRAM_MAX);
    }
    return meters.register(builder::register);
  }
}

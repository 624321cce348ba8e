package dev.respite.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The meters one binding put into a registry, so that closing the binding takes out exactly those. After
 * {@link #removeAll()}, nothing more is registered: a command finishing while the data source closes cannot
 * bring a meter back.
 */
final class RegisteredMeters {
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private boolean removed;

  RegisteredMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers a meter with {@code register}, or returns null once {@link #removeAll()} has run. */
  synchronized <M extends Meter> @Nullable M register(Function<MeterRegistry, M> register) {
    if (removed) {
      return null;
    }
    M meter = register.apply(registry);
    meters.add(meter);
    return meter;
  }

  /** Removes one meter registered here (a gauge whose tags changed), if it still is. */
  synchronized void remove(Meter meter) {
    if (meters.remove(meter)) {
      registry.remove(meter);
    }
  }

  /** Removes every meter registered here from the registry; later calls do nothing. */
  synchronized void removeAll() {
    removed = true;
    for (Meter meter : meters) {
      registry.remove(meter);
    }
    meters.clear();
  }

  /** Whether {@link #removeAll()} has run. */
  synchronized boolean isRemoved() {
    return removed;
  }
}

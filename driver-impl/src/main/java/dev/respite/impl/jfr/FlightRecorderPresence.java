package dev.respite.impl.jfr;

/**
 * Whether the runtime has {@code jdk.jfr}: a full JDK or JRE does, a runtime image made with {@code jlink}
 * may not. Loads no JFR class, so the driver runs without the module and only its events are gone.
 */
public final class FlightRecorderPresence {
  /** True when the {@code jdk.jfr} module is in the boot layer. */
  public static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

  private FlightRecorderPresence() {}
}

package dev.respite.spring.boot;

/**
 * A {@code respite.*} property whose value the driver refused; {@link InvalidRespitePropertyFailureAnalyzer}
 * turns it into the startup failure report. The message never holds a password.
 */
public final class InvalidRespitePropertyException extends IllegalArgumentException {
  private final String property;

  InvalidRespitePropertyException(String property, String reason, IllegalArgumentException cause) {
    super("Invalid " + property + ": " + reason, cause);
    this.property = property;
  }

  /** The property at fault, such as {@code respite.pool-max-wait}, or {@code respite.*} for a combination. */
  public String property() {
    return property;
  }
}

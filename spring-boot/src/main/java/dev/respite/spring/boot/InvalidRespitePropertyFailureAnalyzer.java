package dev.respite.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused {@code respite.*} value at startup, naming the property and what a valid value is. */
final class InvalidRespitePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRespitePropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidRespitePropertyException cause) {
    String reason = cause.getCause() == null ? cause.getMessage() : cause.getCause().getMessage();
    return new FailureAnalysis(
        "Respite could not be configured: property " + cause.property() + " is not valid.\n\nReason: " + reason,
        "Update " + cause.property() + " in your application's configuration.", cause);
  }
}

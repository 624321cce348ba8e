package dev.respite.impl.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Bytes from the wire made safe to show in an exception message or a {@code toString()}: control
 * characters escaped, and cut short, because a reply may be binary and hundreds of megabytes long.
 */
final class EscapedText {
  private EscapedText() {}

  /** {@code "text"}, or {@code "text..." (N bytes)} when longer than {@code maxBytes}. */
  static String quote(byte[] bytes, int from, int to, int maxBytes) {
    return render(bytes, from, to, maxBytes, true);
  }

  static String quote(byte[] bytes, int maxBytes) {
    return render(bytes, 0, bytes.length, maxBytes, true);
  }

  /** As {@link #quote} without the quotes, for text that is shown bare, such as an error line. */
  static String plain(byte[] bytes, int maxBytes) {
    return render(bytes, 0, bytes.length, maxBytes, false);
  }

  private static String render(byte[] bytes, int from, int to, int maxBytes, boolean quoted) {
    int length = to - from;
    int shown = Math.min(length, maxBytes);
    String text = new String(bytes, from, shown, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(shown + 24);
    if (quoted) {
      out.append('"');
    }
    for (int i = 0; i < text.length(); i++) {
      appendEscaped(out, text.charAt(i), quoted);
    }
    if (shown < length) {
      out.append("...");
    }
    if (quoted) {
      out.append('"');
    }
    if (shown < length) {
      out.append(" (").append(length).append(" bytes)");
    }
    return out.toString();
  }

  /** Escapes only what would break the line or the quotes, so that ordinary text stays readable. */
  private static void appendEscaped(StringBuilder out, char c, boolean quoted) {
    if (c == '"' && quoted || c == '\\') {
      out.append('\\').append(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else if (c == '\r') {
      out.append("\\r");
    } else if (c == '\t') {
      out.append("\\t");
    } else if (c < 0x20 || c == 0x7F) {
      out.append(String.format("\\x%02x", (int) c));
    } else {
      out.append(c);
    }
  }
}

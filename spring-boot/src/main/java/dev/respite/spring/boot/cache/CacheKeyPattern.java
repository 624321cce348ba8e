package dev.respite.spring.boot.cache;

/** Glob patterns for {@code SCAN MATCH}: a cache's prefix is matched literally, whatever it holds. */
final class CacheKeyPattern {
  private CacheKeyPattern() {}

  /** {@code text} with the glob characters {@code * ? [ ] \} escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}

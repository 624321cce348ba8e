package dev.respite.benchmarks;

/**
 * Case 1's operation on one connection: SET and GET of one key with a 100-byte value, alternating; every GET
 * reply is checked. Shared by the cases that measure what observing case 1 costs.
 */
final class AlternatingSetGet {
  private final SingleConnection connection;
  private final String key;
  private final String value = Payloads.text(Payloads.SMALL_VALUE_BYTES);
  private final String getLabel;
  private boolean setNext = true;

  /** Writes the key once, so that the first GET finds it. */
  AlternatingSetGet(SingleConnection connection, String key) {
    this.connection = connection;
    this.key = key;
    this.getLabel = "GET " + key; // made once: the benchmark's own allocation must not change B/op
    connection.set(key, value);
  }

  /** The next command: a SET, or a GET whose reply is checked. */
  void next() {
    if (setNext) {
      connection.set(key, value);
    } else {
      String reply = connection.get(key);
      Payloads.check(reply != null && reply.length() == Payloads.SMALL_VALUE_BYTES, getLabel);
    }
    setNext = !setNext;
  }
}

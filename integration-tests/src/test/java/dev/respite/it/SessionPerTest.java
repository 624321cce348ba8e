package dev.respite.it;

import dev.respite.RedisSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A shared fixture: a fresh session {@link #s} for each test on the test class's own server, in the protocol
 * {@link #options()} asks for, so that a RESP3 subclass reruns every test by overriding one method.
 */
abstract class SessionPerTest {
  RedisSession s;

  /** The test class's server: its static {@code @RegisterExtension} field. */
  abstract RedisServerExtension server();

  /** The data source options; a RESP3 subclass returns {@code "?protocol=3"}. */
  String options() {
    return "";
  }

  @BeforeEach
  final void openSession() {
    s = server().dataSource(options()).openSession();
  }

  @AfterEach
  final void closeSession() {
    s.close();
  }
}

/**
 * Fixtures for tests that need a real Redis: a throwaway {@code redis-server} process
 * ({@link dev.respite.testsupport.LocalRedisServer}) and a minimal RESP client
 * ({@link dev.respite.testsupport.RawRedisClient}) for admin work that must not depend on the
 * driver under test.
 *
 * <p>The module deliberately has no dependencies, so any test framework can use it.
 */
package dev.respite.testsupport;

/**
 * Fixtures for tests that need a real Redis: a throwaway {@code redis-server} process
 * ({@link dev.respite.testsupport.LocalRedisServer}) and a minimal RESP client
 * ({@link dev.respite.testsupport.RawRedisClient}) for admin work that must not depend on the
 * driver under test; for fault injection, a TCP proxy that breaks replies on their way
 * ({@link dev.respite.testsupport.FaultProxy}) and a server that sends canned, malformed bytes
 * ({@link dev.respite.testsupport.FakeRespServer}); topologies of throwaway servers: a primary with replicas
 * and sentinels ({@link dev.respite.testsupport.LocalSentinelGroup}) and a six-node Redis Cluster
 * ({@link dev.respite.testsupport.LocalRedisCluster}).
 *
 * <p>The module deliberately has no dependencies, so any test framework can use it.
 */
package dev.respite.testsupport;

package dev.respite;

/**
 * How the servers of a data source are arranged, from the URL's scheme or the options that set it: one
 * server ({@code redis://}), a primary with replicas watched by Sentinel ({@code redis-sentinel://},
 * {@link RedisOption#SENTINEL_MASTER}) or a Redis Cluster ({@code redis-cluster://},
 * {@link RedisOption#CLUSTER}).
 */
public enum Topology {
  /** One server at {@code host:port}. */
  STANDALONE,
  /** The primary named {@code sentinelMaster}, found and followed through the sentinels at {@code nodes}. */
  SENTINEL,
  /** A Redis Cluster discovered from the seed nodes at {@code nodes}. */
  CLUSTER
}

package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import org.jspecify.annotations.Nullable;

/** One Respite session kept open for the trial, on a pool of one connection. */
final class RespiteSingleConnection implements SingleConnection {

  private final RedisDataSource dataSource;
  private final RedisSession session;

  RespiteSingleConnection(BenchmarkServer server) {
    this(RedisDataSource.create(server.respiteUrl("poolMaxTotal=1")));
  }

  RespiteSingleConnection(RedisDataSource dataSource) {
    this.dataSource = dataSource;
    this.session = dataSource.openSession();
  }

  @Override
  public void set(String key, String value) {
    session.set(key, value);
  }

  @Override
  public @Nullable String get(String key) {
    return session.get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    session.set(key, value);
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return session.get(key);
  }

  @Override
  public void close() {
    session.close();
    dataSource.close();
  }
}

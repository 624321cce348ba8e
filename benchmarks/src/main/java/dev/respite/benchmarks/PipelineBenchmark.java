package dev.respite.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Case 2: a pipeline of 1,000 SETs of 100-byte values on one connection, every reply checked. One operation
 * is one SET, so the throughput compares with {@code redis-benchmark -c 1 -P 1000 -t set}.
 *
 * <p>Jedis: {@code jedis.pipelined()} then {@code sync()}. Lettuce has no pipeline in its sync API; its
 * documented way is the async API on a connection with auto-flush off, then {@code flushCommands()} and
 * waiting for the futures. Respite: {@code session.pipeline()}, see {@link RespitePipeline}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {

  static final int DEPTH = 1000;
  private static final String KEY = "bench:pipeline";

  @Param({"respite", "jedis", "lettuce"})
  public String client = "respite";

  private final String value = Payloads.text(Payloads.SMALL_VALUE_BYTES);
  private final Response<?>[] jedisReplies = new Response<?>[DEPTH];
  private final RedisFuture<?>[] lettuceReplies = new RedisFuture<?>[DEPTH];
  private BenchmarkServer server;
  private Jedis jedis;
  private RedisClient lettuceClient;
  private StatefulRedisConnection<String, String> lettuceConnection;
  private RedisAsyncCommands<String, String> lettuce;
  private RespitePipeline respite;
  private Client which;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.acquire();
    which = Client.fromLabel(client);
    switch (which) {
      case JEDIS:
        jedis = new Jedis(server.host(), server.port());
        break;
      case LETTUCE:
        lettuceClient = RedisClient.create(RedisURI.create(server.host(), server.port()));
        lettuceConnection = lettuceClient.connect(StringCodec.UTF8);
        lettuceConnection.setAutoFlushCommands(false);
        lettuce = lettuceConnection.async();
        break;
      case RESPITE:
        respite = RespitePipeline.open(server, KEY, value, DEPTH);
        break;
      default:
        throw new IllegalArgumentException("no pipeline form for " + client);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (jedis != null) {
      jedis.close();
    }
    if (lettuceConnection != null) {
      lettuceConnection.close();
      lettuceClient.shutdown();
    }
    if (respite != null) {
      respite.close();
    }
    server.close();
  }

  @Benchmark
  @OperationsPerInvocation(DEPTH)
  public void thousandSets() throws InterruptedException, ExecutionException, TimeoutException {
    switch (which) {
      case JEDIS:
        jedisPipeline();
        break;
      case LETTUCE:
        lettucePipeline();
        break;
      default:
        respite.thousandSets();
    }
  }

  private void jedisPipeline() {
    Pipeline pipeline = jedis.pipelined();
    for (int i = 0; i < DEPTH; i++) {
      jedisReplies[i] = pipeline.set(KEY, value);
    }
    pipeline.sync();
    for (Response<?> reply : jedisReplies) {
      Payloads.check("OK".equals(reply.get()), "SET in a Jedis pipeline");
    }
  }

  private void lettucePipeline() throws InterruptedException, ExecutionException, TimeoutException {
    for (int i = 0; i < DEPTH; i++) {
      lettuceReplies[i] = lettuce.set(KEY, value);
    }
    lettuceConnection.flushCommands();
    for (RedisFuture<?> reply : lettuceReplies) {
      Payloads.check("OK".equals(reply.get(10, TimeUnit.SECONDS)), "SET in a Lettuce pipeline");
    }
  }
}

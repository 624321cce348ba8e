package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.RedisCommands;
import dev.respite.command.Response;
import java.util.function.Consumer;

/**
 * Respite's side of the pipeline case (case 2): one session kept open, {@code session.pipeline()}, 1,000
 * {@code queueVoid(c -> c.set(key, value))}, {@code sync()}, then every {@link Response} read (an error
 * reply would throw there). The queued lambda is made once, so the benchmark allocates only what the
 * driver does.
 */
final class RespitePipeline implements AutoCloseable {

  private final RedisDataSource dataSource;
  private final RedisSession session;
  private final Response<?>[] replies;
  private final Consumer<RedisCommands<String, String>> set;

  private RespitePipeline(RedisDataSource dataSource, String key, String value, int depth) {
    this.dataSource = dataSource;
    this.session = dataSource.openSession();
    this.replies = new Response<?>[depth];
    this.set = commands -> commands.set(key, value);
  }

  /** Whether the driver on the class path has the pipeline API this class is written against. */
  static boolean available() {
    return apiPresent();
  }

  /** Whether {@code RedisSession} has a {@code pipeline()} method. */
  static boolean apiPresent() {
    try {
      RedisSession.class.getMethod("pipeline");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static RespitePipeline open(BenchmarkServer server, String key, String value, int depth) {
    return new RespitePipeline(RedisDataSource.create(server.respiteUrl("poolMaxTotal=1")), key, value, depth);
  }

  void thousandSets() {
    Pipeline<String, String> pipeline = session.pipeline();
    for (int i = 0; i < replies.length; i++) {
      replies[i] = pipeline.queueVoid(set);
    }
    pipeline.sync();
    for (Response<?> reply : replies) {
      Payloads.check(reply.isDone(), "SET in a Respite pipeline");
      reply.get(); // throws for an error reply
    }
  }

  @Override
  public void close() {
    session.close();
    dataSource.close();
  }
}

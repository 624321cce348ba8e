package dev.respite.it.cluster;

import static dev.respite.testsupport.FakeRespServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.testsupport.FakeRespServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The retries of a pipeline's commands share one deadline: a pipeline whose node cannot be reached fails after
 * about one {@code socketTimeout}, not one per command. The seed is a fake node whose {@code CLUSTER SLOTS} gives
 * every slot to a loopback port where nothing listens, so every connect is refused and nothing is ever sent.
 */
class ClusterPipelineRetryIntegrationTest {
  private static final int COMMANDS = 5;
  private static final long SOCKET_TIMEOUT_MILLIS = 300;

  @Test
  void aPipelineToAnUnreachableNodeRetriesForOneSocketTimeoutInAll() throws IOException {
    int deadPort = unusedPort();
    String slots = "*1\r\n*3\r\n:0\r\n:16383\r\n*3\r\n$9\r\n127.0.0.1\r\n:" + deadPort + "\r\n$40\r\n"
        + "0".repeat(40) + "\r\n";
    FakeRespServer.Script script = command -> {
      String name = FakeRespServer.name(command);
      if (name.equals("CLUSTER")) {
        return ascii(slots);
      }
      return ascii(name.equals("PING") ? "+PONG\r\n" : "+OK\r\n");
    };
    try (FakeRespServer seed = FakeRespServer.start(script);
        RedisDataSource cluster = RedisDataSource.create("redis-cluster://127.0.0.1:" + seed.port()
            + "?socketTimeout=" + SOCKET_TIMEOUT_MILLIS + "ms&connectTimeout=200ms&clusterRefreshPeriod=0s");
        RedisSession session = cluster.openSession()) {
      List<Response<String>> gets = new ArrayList<>();
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> {
        try (Pipeline<String, String> pipeline = session.pipeline()) {
          for (int i = 0; i < COMMANDS; i++) {
            String key = "key:" + i;
            gets.add(pipeline.queue(c -> c.get(key)));
          }
        }
      });
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(failure).isInstanceOf(RedisConnectionException.class).hasMessageContaining("" + deadPort);
      for (Response<String> get : gets) {
        assertThat(catchThrowable(get::get)).isInstanceOf(RedisConnectionException.class);
      }
      // One deadline, then one refused attempt and a last check (at most 100 ms) per later command; one
      // deadline per command would take COMMANDS x 300 ms.
      assertThat(millis).as("time to fail the pipeline, ms")
          .isLessThan(SOCKET_TIMEOUT_MILLIS * (COMMANDS - 1));
      assertThat(seed.commandsRead()).as("the seed is asked for the map, never sent a GET").isPositive();
    }
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

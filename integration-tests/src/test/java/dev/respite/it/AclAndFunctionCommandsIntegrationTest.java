package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.command.FlushMode;
import dev.respite.command.FunctionInfo;
import dev.respite.command.FunctionLibrary;
import dev.respite.command.FunctionRestorePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ACL users and log, FUNCTION administration and SCRIPT KILL against a real server. */
class AclAndFunctionCommandsIntegrationTest extends SessionPerTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  private static final String LIBRARY = "#!lua name=itlib\n"
      + "redis.register_function{function_name='it_hello', callback=function(keys, args) return 'hi' end,"
      + " flags={'no-writes'}, description='says hi'}";

  @Override
  RedisServerExtension server() {
    return redis;
  }

  @BeforeEach
  void startWithoutFunctions() {
    s.functionFlush(FlushMode.SYNC); // FLUSHALL keeps functions
  }

  @Test
  void aclDescribesTheDefaultUserAndCategories() {
    assertThat(s.aclWhoAmI()).isEqualTo("default");
    assertThat(s.aclUsers()).contains("default");
    assertThat(s.aclList()).anyMatch(rule -> rule.startsWith("user default on"));
    assertThat(s.aclCat()).contains("string", "admin", "pubsub");
    assertThat(s.aclCat("string")).contains("get", "set");
    assertThat(s.aclGetUser("nobody-by-that-name")).isNull();
  }

  @Test
  void aclUserIsCreatedRefusedLoggedAndDeleted() {
    String url = redis.url().replace("redis://", "redis://it-reader:reader-pw@") + options();
    try {
      s.aclSetUser("it-reader", "reset", "on", ">reader-pw", "~cache:*", "+@connection", "+get", "+acl|whoami");
      Map<String, Reply> user = s.aclGetUser("it-reader");
      assertThat(user).isNotNull();
      assertThat(user.get("flags").asList()).extracting(Reply::asString).contains("on");
      assertThat(user.get("keys").asString()).isEqualTo("~cache:*");
      assertThat(user.get("commands").asString()).contains("+get");
      assertThat(user.get("passwords").asList()).hasSize(1).allMatch(hash -> !"reader-pw".equals(hash.asString()));
      assertThat(s.aclUsers()).contains("it-reader", "default");
      s.aclLogReset();
      try (RedisDataSource readerSource = RedisDataSource.create(url); RedisSession reader = readerSource.openSession()) {
        assertThat(reader.aclWhoAmI()).isEqualTo("it-reader");
        assertThat(reader.get("cache:1")).isNull();
        assertThatThrownBy(() -> reader.set("cache:1", "x")).isInstanceOf(RedisServerException.class)
            .extracting(e -> ((RedisServerException) e).code()).isEqualTo("NOPERM");
      }
      List<Map<String, Reply>> log = s.aclLog(10);
      assertThat(log).anySatisfy(entry -> {
        assertThat(entry.get("reason").asString()).isEqualTo("command");
        assertThat(entry.get("username").asString()).isEqualTo("it-reader");
        assertThat(entry.get("object").asString()).isEqualTo("set");
      });
      s.aclLogReset();
      assertThat(s.aclLog(10)).isEmpty();
    } finally {
      assertThat(s.aclDelUser("it-reader", "never-existed")).isEqualTo(1);
    }
    assertThat(s.aclGetUser("it-reader")).isNull();
    assertThatThrownBy(() -> s.aclDelUser()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void functionListDescribesLibrariesAndTheirFunctions() {
    assertThat(s.functionList()).isEmpty();
    s.functionLoad(LIBRARY, false);
    List<FunctionLibrary> libraries = s.functionList();
    assertThat(libraries).containsExactly(new FunctionLibrary("itlib", "LUA",
        List.of(new FunctionInfo("it_hello", "says hi", Set.of("no-writes"))), null));
    assertThat(s.functionList("it*", true).get(0).code()).isEqualTo(LIBRARY);
    assertThat(s.functionList("other*", false)).isEmpty();
    Map<String, Reply> stats = s.functionStats();
    assertThat(stats.get("running_script").isNull()).isTrue();
    assertThat(stats.get("engines").asMap().get("LUA").asMap().get("libraries_count").asLong()).isEqualTo(1);
  }

  @Test
  void functionDumpRestoresAfterAFlush() {
    s.functionLoad(LIBRARY, false);
    byte[] dump = s.functionDump();
    assertThat(dump).isNotEmpty();
    s.functionFlush(FlushMode.ASYNC);
    assertThat(s.functionList()).isEmpty();
    s.functionRestore(dump, FunctionRestorePolicy.APPEND);
    assertThat(s.functionList()).extracting(FunctionLibrary::name).containsExactly("itlib");
    assertThatThrownBy(() -> s.functionRestore(dump, FunctionRestorePolicy.APPEND))
        .isInstanceOf(RedisServerException.class).hasMessageContaining("itlib");
    s.functionRestore(dump, FunctionRestorePolicy.REPLACE);
    s.functionRestore(dump, FunctionRestorePolicy.FLUSH);
    assertThat(s.fcall("it_hello", List.of(), List.of()).asString()).isEqualTo("hi");
  }

  @Test
  void killWithNothingRunningIsRefusedWithNotBusy() {
    assertThatThrownBy(() -> s.scriptKill()).isInstanceOf(RedisServerException.class)
        .extracting(e -> ((RedisServerException) e).code()).isEqualTo("NOTBUSY");
    assertThatThrownBy(() -> s.functionKill()).isInstanceOf(RedisServerException.class)
        .extracting(e -> ((RedisServerException) e).code()).isEqualTo("NOTBUSY");
  }

  @Test
  void scriptKillStopsARunningScript() throws Exception {
    // A script that spins for at most 10 s, so that a failed kill cannot hang the server for the next tests.
    String spin = "local start = tonumber(redis.call('TIME')[1]) "
        + "while tonumber(redis.call('TIME')[1]) - start < 10 do end return 1";
    s.configSet("busy-reply-threshold", "50"); // other clients may send SCRIPT KILL after 50 ms
    try (RedisSession runner = redis.dataSource(options()).openSession()) {
      runner.ping();
      CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> runner.eval(spin, List.of(), List.of()));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      boolean killed = false;
      while (!killed && System.nanoTime() < deadline) {
        try {
          s.scriptKill();
          killed = true;
        } catch (RedisServerException e) {
          assertThat(e.code()).as("only NOTBUSY while the script has not started").isEqualTo("NOTBUSY");
          Thread.sleep(10);
        }
      }
      assertThat(killed).isTrue();
      assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(RedisServerException.class)
          .hasMessageContaining("killed");
    } finally {
      s.configSet("busy-reply-threshold", "5000");
    }
  }

  @Test
  void scriptFlushForgetsScripts() {
    String sha = s.scriptLoad("return 1");
    assertThat(s.scriptExists(sha)).containsExactly(true);
    s.scriptFlush(FlushMode.SYNC);
    assertThat(s.scriptExists(sha)).containsExactly(false);
  }
}

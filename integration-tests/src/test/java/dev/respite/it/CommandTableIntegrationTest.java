package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.impl.command.CommandSpec;
import dev.respite.impl.command.CommandTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The driver's command table agrees with the {@code COMMAND} reply of the server the suite runs, so that the
 * flags and key positions routers rely on cannot drift. Run with
 * {@code -Drespite.writeCommandTable=$PWD/driver-impl/src/main/resources/dev/respite/impl/command/commands.txt}
 * (an absolute path) to write the table anew from the server.
 */
class CommandTableIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void everyCommandOfTheServerHasTheSameFlagsAndKeySpecsInTheTable() throws IOException {
    Map<String, String> server = serverTable();
    String target = System.getProperty("respite.writeCommandTable");
    if (target != null) {
      Path file = Path.of(target);
      List<String> lines = new ArrayList<>();
      lines.add("# Made from COMMAND of Redis " + redis.redisVersion() + " by CommandTableIntegrationTest.");
      lines.add("# name arity flags keyspecs (see KeySpec)");
      lines.addAll(server.values());
      Files.write(file, lines, StandardCharsets.UTF_8);
    }
    assertThat(server).hasSizeGreaterThan(200);
    for (String line : server.values()) {
      CommandSpec expected = CommandTable.parse(line);
      assertThat(CommandTable.find(expected.name(), null)).as(expected.name()).isEqualTo(expected);
    }
  }

  /** Every command and subcommand of the server, as lines of the table's notation, sorted by name. */
  private static Map<String, String> serverTable() {
    Map<String, String> lines = new TreeMap<>();
    try (RedisDataSource ds = redis.dataSource(""); RedisSession session = ds.openSession()) {
      for (Reply command : session.execute("COMMAND").asList()) {
        add(command, lines);
      }
    }
    return lines;
  }

  private static void add(Reply command, Map<String, String> lines) {
    List<Reply> fields = command.asList();
    String name = fields.get(0).asString().toLowerCase(Locale.ROOT);
    List<String> flags = new ArrayList<>();
    fields.get(2).asList().forEach(flag -> flags.add(flag.asString()));
    List<String> specs = new ArrayList<>();
    for (Reply spec : fields.get(8).asList()) {
      specs.add(keySpec(spec.asMap()));
    }
    lines.put(name, name + " " + fields.get(1).asLong() + " " + (flags.isEmpty() ? "-" : String.join(",", flags))
        + " " + (specs.isEmpty() ? "-" : String.join(";", specs)));
    for (Reply sub : fields.get(9).asList()) {
      add(sub, lines);
    }
  }

  private static String keySpec(Map<String, Reply> spec) {
    Map<String, Reply> begin = spec.get("begin_search").asMap();
    Map<String, Reply> find = spec.get("find_keys").asMap();
    Map<String, Reply> b = begin.get("spec").asMap();
    Map<String, Reply> f = find.get("spec").asMap();
    String first = switch (begin.get("type").asString()) {
      case "index" -> "index:" + b.get("index").asLong();
      case "keyword" -> "keyword:" + b.get("keyword").asString() + ":" + b.get("startfrom").asLong();
      default -> "unknown";
    };
    String rest = switch (find.get("type").asString()) {
      case "range" -> "range:" + f.get("lastkey").asLong() + ":" + f.get("keystep").asLong() + ":"
          + f.get("limit").asLong();
      case "keynum" -> "keynum:" + f.get("keynumidx").asLong() + ":" + f.get("firstkey").asLong() + ":"
          + f.get("keystep").asLong();
      default -> "unknown";
    };
    return first + "/" + rest;
  }
}

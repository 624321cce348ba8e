package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.RedisSession;
import dev.respite.command.ClientInfo;
import dev.respite.command.ClientKillFilter;
import dev.respite.command.PauseMode;
import dev.respite.command.SlowLogEntry;
import dev.respite.testsupport.RawRedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ClientCommands}, {@code AclCommands} and {@code SlowLogCommands} rows. Rows that change the server
 * undo it: pauses are short and lifted, the ACL user {@code modes-user} is deleted in the probe, and
 * {@link Keyspace#prepare} restores the slow log threshold.
 */
final class ClientAclAndSlowLogRows {
  private static final String USER = "modes-user";
  /** Logs every command from now on, starting from an empty slow log holding one {@code ECHO slow}. */
  private static final Consumer<RedisSession> EVERY_COMMAND_LOGGED = s -> {
    s.configSet("slowlog-log-slower-than", "0");
    s.slowlogReset();
    s.echo("slow");
  };

  /** An ACL log holding one entry: another client's AUTH as an unknown user. */
  private static final Consumer<RedisSession> ONE_REFUSED_AUTH = s -> {
    s.aclLogReset();
    try (RawRedisClient other = EveryCommandEveryModeIntegrationTest.redis.admin()) {
      other.call("AUTH", "modes-nobody", "wrong");
    }
  };

  private ClientAclAndSlowLogRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.clientInfo(), where("this connection, on database 0, named modes-info", r -> r instanceof ClientInfo i
            && i.id() > 0 && i.database() == 0 && "modes-info".equals(i.name())))
            .given(s -> s.clientSetName("modes-info")),
        row(c -> c.clientList(), where("a list holding this connection, named modes-list", r -> r instanceof List<?> l
            && l.stream().anyMatch(i -> "modes-list".equals(((ClientInfo) i).name()))))
            .given(s -> s.clientSetName("modes-list")),
        row(c -> c.clientKill(ClientKillFilter.byId(Long.MAX_VALUE)), 0).as("an id no client has"),
        voidRow(c -> c.clientPause(Duration.ofMillis(10), PauseMode.WRITE))
            .then(s -> {
              s.set("after-pause", "1"); // waits out the 10 ms pause
              return s.get("after-pause");
            }, "1"),
        voidRow(c -> c.clientUnpause()).given(s -> s.clientPause(Duration.ofSeconds(30), PauseMode.WRITE))
            .then(s -> {
              s.set("after-unpause", "1"); // would wait 30 s had the pause not been lifted
              return s.get("after-unpause");
            }, "1"),
        voidRow(c -> c.clientNoEvict(true)).then(s -> s.clientInfo().flags().contains("e"), true),
        row(c -> c.aclWhoAmI(), "default"),
        row(c -> c.aclList(), where("the default user's rules", r -> r instanceof List<?> l
            && l.stream().anyMatch(rule -> rule.toString().startsWith("user default on")))),
        row(c -> c.aclUsers(), List.of("default")),
        row(c -> c.aclGetUser("default"), where("the default user, on", r -> r instanceof Map<?, ?> m
            && m.get("flags") instanceof List<?> flags && flags.contains("on"))),
        row(c -> c.aclGetUser("nobody"), null).as("unknown user"),
        voidRow(c -> c.aclSetUser(USER, "on", "nopass", "+get", "~*")).then(s -> {
          List<String> users = s.aclUsers();
          s.aclDelUser(USER);
          return users;
        }, List.of("default", USER)),
        row(c -> c.aclDelUser(USER, "nobody"), 1).given(s -> s.aclSetUser(USER, "off"))
            .then(s -> s.aclUsers(), List.of("default")),
        row(c -> c.aclCat(), where("the categories, keyspace among them",
            r -> r instanceof List<?> l && l.contains("keyspace") && l.contains("geo"))),
        row(c -> c.aclCat("geo"), where("the geo commands, geoadd among them",
            r -> r instanceof List<?> l && l.contains("geoadd") && !l.contains("get"))),
        row(c -> c.aclLog(10), where("the refused AUTH of modes-nobody", r -> r instanceof List<?> l && l.size() == 1
            && l.get(0) instanceof Map<?, ?> entry && "auth".equals(entry.get("reason"))
            && "modes-nobody".equals(entry.get("username"))))
            .given(ONE_REFUSED_AUTH),
        row(c -> c.aclLog(10), List.of()).given(s -> s.aclLogReset()).as("an empty log"),
        voidRow(c -> c.aclLogReset()).given(ONE_REFUSED_AUTH).then(s -> s.aclLog(10), List.of()),
        row(c -> c.slowlogLen(), where("at least the ECHO", r -> r instanceof Long n && n >= 1)).given(EVERY_COMMAND_LOGGED),
        row(c -> c.slowlogGet(10), where("the ECHO slow entry", r -> r instanceof List<?> l
            && l.stream().anyMatch(e -> ((SlowLogEntry) e).arguments().equals(List.of("ECHO", "slow")))))
            .given(EVERY_COMMAND_LOGGED),
        voidRow(c -> c.slowlogReset()).given(EVERY_COMMAND_LOGGED)
            .then(s -> s.slowlogGet(10).stream().noneMatch(e -> e.arguments().contains("slow")), true));
  }
}

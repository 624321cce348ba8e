package dev.respite.impl.command;

import static dev.respite.impl.command.AdminKeywords.*;

import dev.respite.Reply;
import dev.respite.command.AclCommands;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link AclCommands} as commands. */
public interface AclFamily<K, V> extends AclCommands<K, V>, CommandContext<K, V> {

  @Override
  default String aclWhoAmI() {
    return run(Command.of(ACL, Decoders.STATUS, WHOAMI));
  }

  @Override
  default List<String> aclList() {
    return run(Command.of(ACL, Decoders.TEXT_LIST, LIST));
  }

  @Override
  default List<String> aclUsers() {
    return run(Command.of(ACL, Decoders.TEXT_LIST, USERS));
  }

  @Override
  default @Nullable Map<String, Reply> aclGetUser(String user) {
    return run(Command.of(ACL, Decoders.NULLABLE_REPLY_MAP, GETUSER, Objects.requireNonNull(user, "user")));
  }

  @Override
  default void aclSetUser(String user, String... rules) {
    Objects.requireNonNull(user, "user");
    for (String rule : rules) {
      Objects.requireNonNull(rule, "ACL SETUSER rule");
    }
    run(Command.of(ACL, Decoders.STATUS, args().add(SETUSER).add(user).all(rules).array()));
  }

  @Override
  default long aclDelUser(String... users) {
    return run(Command.of(ACL, Decoders.LONG, args().add(DELUSER).all(Args.nonEmpty("ACL DELUSER", users)).array()));
  }

  @Override
  default List<String> aclCat() {
    return run(Command.of(ACL, Decoders.TEXT_LIST, CAT));
  }

  @Override
  default List<String> aclCat(String category) {
    return run(Command.of(ACL, Decoders.TEXT_LIST, CAT, Objects.requireNonNull(category, "category")));
  }

  @Override
  default List<Map<String, Reply>> aclLog(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("ACL LOG count must not be negative, got " + count);
    }
    return run(Command.of(ACL, Decoders.REPLY_MAP_LIST, LOG, (long) count));
  }

  @Override
  default void aclLogReset() {
    run(Command.of(ACL, Decoders.STATUS, LOG, RESET));
  }
}

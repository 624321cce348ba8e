package dev.respite.command;

import dev.respite.Reply;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Access control lists (Redis 6+): users, their rules, and the log of refused commands.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface AclCommands<K, V> {

  /** Sends {@code ACL WHOAMI}: the user this connection authenticated as. */
  String aclWhoAmI();

  /** Sends {@code ACL LIST}: one rule line per user, as {@code ACL SAVE} would write it. */
  List<String> aclList();

  /** Sends {@code ACL USERS}: every user name. */
  List<String> aclUsers();

  /**
   * Sends {@code ACL GETUSER username}: the user's {@code flags}, {@code passwords} (SHA-256 hashes),
   * {@code commands}, {@code keys}, {@code channels} and {@code selectors}; null if there is no such user.
   */
  @Nullable Map<String, Reply> aclGetUser(String user);

  /**
   * Sends {@code ACL SETUSER username rule...}: creates the user, or applies the rules to it ({@code on},
   * {@code >password}, {@code ~pattern}, {@code +@read}...).
   */
  void aclSetUser(String user, String... rules);

  /** Sends {@code ACL DELUSER username...}; returns how many users were deleted. */
  long aclDelUser(String... users);

  /** Sends {@code ACL CAT}: the command categories. */
  List<String> aclCat();

  /** Sends {@code ACL CAT category}: the commands of a category. */
  List<String> aclCat(String category);

  /**
   * Sends {@code ACL LOG count}: the newest refused commands and failed logins, each with its
   * {@code count}, {@code reason}, {@code context}, {@code object}, {@code username}, {@code age-seconds}
   * and {@code client-info}.
   */
  List<Map<String, Reply>> aclLog(int count);

  /** Sends {@code ACL LOG RESET}: empties the log. */
  void aclLogReset();
}

package dev.respite.impl.command;

import dev.respite.command.FlushMode;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.util.Objects;

/**
 * The subcommands and keywords of the administration families (client, ACL, slow log, functions, pub/sub), and
 * the connection-level commands the driver sends of its own accord ({@link Commands}).
 */
final class AdminKeywords {
  static final ProtocolKeyword FLUSHALL = ProtocolKeyword.of("FLUSHALL");
  static final ProtocolKeyword SAVE = ProtocolKeyword.of("SAVE");
  static final ProtocolKeyword BGSAVE = ProtocolKeyword.of("BGSAVE");
  static final ProtocolKeyword BGREWRITEAOF = ProtocolKeyword.of("BGREWRITEAOF");
  static final ProtocolKeyword MIGRATE = ProtocolKeyword.of("MIGRATE");
  static final ProtocolKeyword AUTH = ProtocolKeyword.of("AUTH");
  static final ProtocolKeyword HELLO = ProtocolKeyword.of("HELLO");
  static final ProtocolKeyword SELECT = ProtocolKeyword.of("SELECT");
  static final ProtocolKeyword DISCARD = ProtocolKeyword.of("DISCARD");
  static final ProtocolKeyword AUTH2 = ProtocolKeyword.of("AUTH2");
  static final ProtocolKeyword WAITAOF = ProtocolKeyword.of("WAITAOF");
  static final ProtocolKeyword LIST = ProtocolKeyword.of("LIST");
  static final ProtocolKeyword KILL = ProtocolKeyword.of("KILL");
  static final ProtocolKeyword PAUSE = ProtocolKeyword.of("PAUSE");
  static final ProtocolKeyword UNPAUSE = ProtocolKeyword.of("UNPAUSE");
  static final ProtocolKeyword NO_EVICT = ProtocolKeyword.of("NO-EVICT");
  static final ProtocolKeyword ON = ProtocolKeyword.of("ON");
  static final ProtocolKeyword OFF = ProtocolKeyword.of("OFF");
  static final ProtocolKeyword WRITE = ProtocolKeyword.of("WRITE");
  static final ProtocolKeyword ALL = ProtocolKeyword.of("ALL");
  static final ProtocolKeyword SLOWLOG = ProtocolKeyword.of("SLOWLOG");
  static final ProtocolKeyword RESET = ProtocolKeyword.of("RESET");
  static final ProtocolKeyword ACL = ProtocolKeyword.of("ACL");
  static final ProtocolKeyword WHOAMI = ProtocolKeyword.of("WHOAMI");
  static final ProtocolKeyword USERS = ProtocolKeyword.of("USERS");
  static final ProtocolKeyword GETUSER = ProtocolKeyword.of("GETUSER");
  static final ProtocolKeyword SETUSER = ProtocolKeyword.of("SETUSER");
  static final ProtocolKeyword DELUSER = ProtocolKeyword.of("DELUSER");
  static final ProtocolKeyword CAT = ProtocolKeyword.of("CAT");
  static final ProtocolKeyword LOG = ProtocolKeyword.of("LOG");
  static final ProtocolKeyword LIBRARYNAME = ProtocolKeyword.of("LIBRARYNAME");
  static final ProtocolKeyword WITHCODE = ProtocolKeyword.of("WITHCODE");
  static final ProtocolKeyword STATS = ProtocolKeyword.of("STATS");
  static final ProtocolKeyword PUBSUB = ProtocolKeyword.of("PUBSUB");
  static final ProtocolKeyword CHANNELS = ProtocolKeyword.of("CHANNELS");
  static final ProtocolKeyword NUMSUB = ProtocolKeyword.of("NUMSUB");
  static final ProtocolKeyword NUMPAT = ProtocolKeyword.of("NUMPAT");
  static final ProtocolKeyword SHARDCHANNELS = ProtocolKeyword.of("SHARDCHANNELS");
  static final ProtocolKeyword SHARDNUMSUB = ProtocolKeyword.of("SHARDNUMSUB");

  private AdminKeywords() {}

  /** The keyword of {@code mode}, shared by FLUSHALL, FLUSHDB, SCRIPT FLUSH and FUNCTION FLUSH. */
  static ProtocolKeyword flushMode(FlushMode mode) {
    return Objects.requireNonNull(mode, "mode") == FlushMode.ASYNC ? Keywords.ASYNC : Keywords.SYNC;
  }
}

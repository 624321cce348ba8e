package dev.respite.impl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.command.BitField;
import dev.respite.command.BitUnit;
import dev.respite.command.ClientKillFilter;
import dev.respite.command.ClientType;
import dev.respite.command.FlushMode;
import dev.respite.command.FunctionRestorePolicy;
import dev.respite.command.GeoAddOptions;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.GeoValue;
import dev.respite.command.LPosOptions;
import dev.respite.command.LcsMatch;
import dev.respite.command.LcsResult;
import dev.respite.command.PauseMode;
import dev.respite.command.SlowLogEntry;
import dev.respite.command.SortOptions;
import dev.respite.command.XClaimOptions;
import dev.respite.command.XPendingOptions;
import dev.respite.command.ZAggregate;
import dev.respite.command.ZAggregateOptions;
import dev.respite.impl.protocol.Replies;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the methods of the newer families write, and how their replies decode, without a server. */
class TypedSurfaceFramesTest {
  private final RecordingView<String, String> r = new RecordingView<>(TypedCodec.UTF8);

  /** The words of the last command, decoded from its RESP bytes. */
  private List<String> sent() throws IOException {
    String[] lines = r.last().split("\r\n");
    List<String> words = new ArrayList<>();
    for (int i = 2; i < lines.length; i += 2) {
      words.add(lines[i]);
    }
    return words;
  }

  @Test
  void sortWritesItsOptionsInTheDocumentedOrderAndStoreLast() throws IOException {
    r.sortStore("k", SortOptions.none().alpha().descending().get("#").get("h_*->f").limit(5, 10).by("w_*"), "dst");
    assertThat(sent()).containsExactly("SORT", "k", "BY", "w_*", "LIMIT", "5", "10", "GET", "#", "GET", "h_*->f",
        "DESC", "ALPHA", "STORE", "dst");
    r.sortReadOnly("k", SortOptions.none());
    assertThat(sent()).containsExactly("SORT_RO", "k");
  }

  @Test
  void blockingAndConnectionChangingCommandsSayso() throws IOException {
    r.waitAof(1, 2, Duration.ofMillis(1500));
    assertThat(sent()).containsExactly("WAITAOF", "1", "2", "1500");
    assertThat(r.lastCommand().blockMillis()).isEqualTo(1500);
    r.clientNoEvict(true);
    assertThat(sent()).containsExactly("CLIENT", "NO-EVICT", "ON");
    assertThat(r.lastCommand().effect()).isEqualTo(CommandEffect.CLOSES_CONNECTION);
    r.clientPause(Duration.ofSeconds(2), PauseMode.WRITE);
    assertThat(sent()).containsExactly("CLIENT", "PAUSE", "2000", "WRITE");
    assertThat(r.lastCommand().effect()).isEqualTo(CommandEffect.NONE);
    assertThat(r.lastCommand().blockMillis()).isEqualTo(Command.NOT_BLOCKING);
  }

  @Test
  void optionsBecomeTheirKeywords() throws IOException {
    r.clientKill(ClientKillFilter.byUser("bob").type(ClientType.REPLICA).skipMe(false));
    assertThat(sent()).containsExactly("CLIENT", "KILL", "USER", "bob", "TYPE", "replica", "SKIPME", "no");
    r.zinterStore("d", ZAggregateOptions.weights(1, 2.5).aggregate(ZAggregate.MAX), "a", "b");
    assertThat(sent()).containsExactly("ZINTERSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2.5", "AGGREGATE", "MAX");
    r.lpos("l", "x", 3, LPosOptions.rank(-2).maxLen(100));
    assertThat(sent()).containsExactly("LPOS", "l", "x", "RANK", "-2", "MAXLEN", "100", "COUNT", "3");
    r.xclaimJustId("s", "g", "c", Duration.ofSeconds(1), XClaimOptions.none().time(Instant.ofEpochMilli(42))
        .retryCount(2).force(), "1-0");
    assertThat(sent()).containsExactly("XCLAIM", "s", "g", "c", "1000", "1-0", "TIME", "42", "RETRYCOUNT", "2",
        "FORCE", "JUSTID");
    r.xpending("s", "g", XPendingOptions.range("-", "+", 5).idle(Duration.ofMillis(7)).consumer("c"));
    assertThat(sent()).containsExactly("XPENDING", "s", "g", "IDLE", "7", "-", "+", "5", "c");
    r.geoadd("g", GeoAddOptions.xx().ch(), List.of(GeoValue.of(1.5, 2, "m")));
    assertThat(sent()).containsExactly("GEOADD", "g", "XX", "CH", "1.5", "2", "m");
    r.geosearchWithDetails("g", GeoSearch.<String>fromMember("m").byRadius(3, GeoUnit.KM).count(2).any());
    assertThat(sent()).containsExactly("GEOSEARCH", "g", "FROMMEMBER", "m", "BYRADIUS", "3", "KM", "COUNT", "2",
        "ANY", "WITHDIST", "WITHCOORD");
    r.bitPos("b", false, 3, 9, BitUnit.BIT);
    assertThat(sent()).containsExactly("BITPOS", "b", "0", "3", "9", "BIT");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("a", "1");
    parameters.put("b", "2");
    r.configSet(parameters);
    assertThat(sent()).containsExactly("CONFIG", "SET", "a", "1", "b", "2");
    r.flushall(FlushMode.SYNC);
    assertThat(sent()).containsExactly("FLUSHALL", "SYNC");
    r.functionRestore(new byte[] {1}, FunctionRestorePolicy.FLUSH);
    assertThat(sent()).containsExactly("FUNCTION", "RESTORE", "\u0001", "FLUSH");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsRecorded() {
    assertThatThrownBy(() -> r.zunion(ZAggregateOptions.weights(1), "a", "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 keys but 1 weights");
    assertThatThrownBy(() -> r.bitfieldReadOnly("b", BitField.create().incrBy(BitField.signed(4), 0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.waitAof(2, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.slowlogGet(-5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.lcsIdx("a", "b", -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MINMATCHLEN");
    assertThat(r.commands).isEmpty();
  }

  /** A recording view gives placeholders: every method must return them untouched, or queuing it would fail. */
  @Test
  void everyNewMethodRecordsOneCommandAndReturnsItsPlaceholder() {
    List<Function<RecordingView<String, String>, Object>> calls = List.of(
        c -> c.sort("k", SortOptions.none()), c -> c.lcs("a", "b"), c -> c.lcsIdx("a", "b", 0),
        c -> c.bitfield("b", BitField.create().get(BitField.unsigned(8), 0)), c -> c.serverInfo(),
        c -> c.serverInfo("server"), c -> c.clientList(), c -> c.clientInfo(), c -> c.slowlogGet(1),
        c -> c.aclWhoAmI(), c -> c.aclList(), c -> c.aclGetUser("u"), c -> c.aclLog(1), c -> c.functionList(),
        c -> c.functionDump(), c -> c.functionStats(), c -> c.pubsubNumSub("c"), c -> c.pubsubChannels(),
        c -> c.waitAof(0, 0, Duration.ZERO), c -> c.xautoclaimJustId("s", "g", "c", Duration.ZERO, "0", 1),
        c -> c.xinfoStreamFull("s", 0), c -> c.zrandMemberWithScores("z", 1), c -> c.hrandFieldWithValues("h", 1),
        c -> c.geosearchWithDetails("g", GeoSearch.<String>fromMember("m").byRadius(1, GeoUnit.M)),
        c -> c.lpos("l", "x", LPosOptions.none()));
    for (Function<RecordingView<String, String>, Object> call : calls) {
      int before = r.commands.size();
      Object returned = call.apply(r);
      assertThat(r.commands).hasSize(before + 1);
      assertThat(returned).isEqualTo(r.lastCommand().decoder().placeholder());
    }
  }

  @Test
  void lcsIdxDecodesFromAResp2ArrayAndAResp3Map() {
    var match = Replies.ofArray(Replies.ofArray(Replies.ofInteger(4), Replies.ofInteger(7)),
        Replies.ofArray(Replies.ofInteger(5), Replies.ofInteger(8)), Replies.ofInteger(4));
    var plain = Replies.ofArray(Replies.ofArray(Replies.ofInteger(2), Replies.ofInteger(3)),
        Replies.ofArray(Replies.ofInteger(0), Replies.ofInteger(1)));
    LcsResult expected = new LcsResult(List.of(new LcsMatch(4, 7, 5, 8, 4), new LcsMatch(2, 3, 0, 1, 2)), 6);
    assertThat(StringReplies.LCS_IDX.decode(Replies.ofArray(Replies.ofString("matches"), Replies.ofArray(match, plain),
        Replies.ofString("len"), Replies.ofInteger(6)))).isEqualTo(expected);
    assertThat(StringReplies.LCS_IDX.decode(Replies.ofMap(Replies.ofString("matches"), Replies.ofArray(match, plain),
        Replies.ofString("len"), Replies.ofInteger(6)))).isEqualTo(expected);
  }

  @Test
  void slowlogEntriesDecodeTimesAndArguments() {
    List<SlowLogEntry> entries = AdminReplies.SLOWLOG.decode(Replies.ofArray(Replies.ofArray(Replies.ofInteger(3),
        Replies.ofInteger(1_700_000_000), Replies.ofInteger(1_500), Replies.ofArray(Replies.ofString("GET"),
            Replies.ofString("k")), Replies.ofString("127.0.0.1:5000"), Replies.ofString(""))));
    assertThat(entries).containsExactly(new SlowLogEntry(3, Instant.ofEpochSecond(1_700_000_000),
        Duration.ofNanos(1_500_000), List.of("GET", "k"), "127.0.0.1:5000", ""));
  }
}

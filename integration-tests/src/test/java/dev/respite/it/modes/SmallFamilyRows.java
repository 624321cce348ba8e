package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.BitField;
import dev.respite.command.BitFieldOverflow;
import dev.respite.command.BitOperation;
import dev.respite.command.BitUnit;
import dev.respite.command.GeoAddOptions;
import dev.respite.command.GeoCoordinates;
import dev.respite.command.GeoMatch;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.GeoValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code HyperLogLogCommands}, {@code BitmapCommands}, {@code GeoCommands} and {@code PublishCommands} rows:
 * {@code hll} holds a, b, c; {@code bits} has bit 7 set; {@code geo} holds Palermo and Catania. Another
 * client is subscribed to channel {@code modes.news}, pattern {@code modes.*} and shard channel
 * {@code modes.shard} (see {@link EveryCommandEveryModeIntegrationTest}).
 */
final class SmallFamilyRows {
  private SmallFamilyRows() {}

  static List<CommandRow> rows() {
    return List.of(
        row(c -> c.pfadd("hll", "d"), true).then(s -> s.pfcount("hll"), 4),
        row(c -> c.pfadd("hll", "a"), false).as("known element"),
        row(c -> c.pfcount("hll"), 3),
        voidRow(c -> c.pfmerge("dst", "hll")).then(s -> s.pfcount("dst"), 3),
        row(c -> c.setBit("bits", 0, true), false).then(s -> s.getBit("bits", 0), true),
        row(c -> c.getBit("bits", 7), true),
        row(c -> c.bitCount("bits"), 1),
        row(c -> c.bitCount("bits", 1, 2), 0).as("a byte range"),
        row(c -> c.bitPos("bits", true), 7),
        row(c -> c.bitCount("bits", 0, 6, BitUnit.BIT), 0),
        row(c -> c.bitCount("bits", 0, 7, BitUnit.BIT), 1).as("up to bit 7"),
        row(c -> c.bitPos("bits", true, 0), 7),
        row(c -> c.bitPos("bits", true, 1), -1).as("from a byte with no bit set"),
        row(c -> c.bitPos("bits", false, 0, 7, BitUnit.BIT), 0),
        row(c -> c.bitPos("bits", true, 0, 6, BitUnit.BIT), -1).as("bits before the set one"),
        row(c -> c.bitfield("bits", BitField.create().get(BitField.unsigned(8), 0).set(BitField.unsigned(8), 8, 255)),
            List.of(1, 0)).then(s -> s.getBit("bits", 15), true),
        row(c -> c.bitfield("bits", BitField.create().overflow(BitFieldOverflow.FAIL).incrBy(BitField.unsigned(8), 0, 255)),
            Arrays.asList((Object) null)).as("an overflow refused"),
        row(c -> c.bitfieldReadOnly("bits", BitField.create().get(BitField.unsigned(8), 0).get(BitField.signed(4), 4)),
            List.of(1, 1)),
        row(c -> c.bitOp(BitOperation.NOT, "dst", "bits"), 1).then(s -> s.getBit("dst", 7), false),
        row(c -> c.geoadd("geo", 13.583333, 37.316667, "Agrigento"), 1),
        row(c -> c.geoadd("geo", GeoAddOptions.nx(), List.of(GeoValue.of(13.583333, 37.316667, "Agrigento"),
            GeoValue.of(1, 1, "Palermo"))), 1).then(s -> s.geodist("geo", "Palermo", "Catania", GeoUnit.KM), 166.2742),
        row(c -> c.geoadd("geo", GeoAddOptions.xx().ch(), List.of(GeoValue.of(13.583333, 37.316667, "Agrigento"),
            GeoValue.of(15.087269, 37.502669, "Palermo"))), 1).then(s -> s.geodist("geo", "Palermo", "Catania", GeoUnit.M), 0.0)
            .as("XX CH"),
        row(c -> c.geopos("geo", "Palermo", "nope"), where("Palermo's position, then null", r -> r instanceof List<?> l
            && l.size() == 2 && l.get(0) instanceof GeoCoordinates p && Math.abs(p.longitude() - 13.361389) < 1e-5
            && Math.abs(p.latitude() - 38.115556) < 1e-5 && l.get(1) == null)),
        row(c -> c.geodist("geo", "Palermo", "Catania", GeoUnit.KM), 166.2742),
        row(c -> c.geodist("geo", "Palermo", "nope", GeoUnit.KM), null).as("absent member"),
        row(c -> c.geohash("geo", "Palermo", "nope"), Arrays.asList("sqc8b49rny0", null)),
        row(c -> c.geosearch("geo", GeoSearch.<String>fromLonLat(15, 37).byRadius(200, GeoUnit.KM).ascending()),
            List.of("Catania", "Palermo")),
        row(c -> c.geosearchWithDetails("geo", GeoSearch.<String>fromLonLat(15, 37).byRadius(200, GeoUnit.KM).ascending()),
            where("Catania at 56.4 km, then Palermo at 190.4 km", r -> r instanceof List<?> l && l.size() == 2
                && l.get(0) instanceof GeoMatch<?> near && near.value().equals("Catania")
                && Math.abs(near.distance() - 56.4413) < 0.01 && Math.abs(near.coordinates().longitude() - 15.087269) < 1e-5
                && l.get(1) instanceof GeoMatch<?> far && far.value().equals("Palermo")
                && Math.abs(far.distance() - 190.4424) < 0.01)),
        row(c -> c.geosearchStore("dst", "geo", GeoSearch.fromMember("Palermo").byRadius(200, GeoUnit.KM)), 2),
        row(c -> c.publish("channel", "m"), 0),
        row(c -> c.publish("modes.news", "m"), 2).as("to the channel and the pattern subscriptions"),
        row(c -> c.spublish("channel", "m"), 0),
        row(c -> c.spublish("modes.shard", "m"), 1).as("to the shard subscription"),
        row(c -> c.pubsubChannels(), List.of("modes.news")),
        row(c -> c.pubsubChannels("other.*"), List.of()),
        row(c -> c.pubsubNumSub("modes.news", "other"), Map.of("modes.news", 1L, "other", 0L)),
        row(c -> c.pubsubNumPat(), 1),
        row(c -> c.pubsubShardChannels(), List.of("modes.shard")),
        row(c -> c.pubsubShardChannels("other.*"), List.of()),
        row(c -> c.pubsubShardNumSub("modes.shard", "other"), Map.of("modes.shard", 1L, "other", 0L)));
  }
}

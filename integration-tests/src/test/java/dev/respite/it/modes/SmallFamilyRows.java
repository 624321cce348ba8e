package dev.respite.it.modes;

import static dev.respite.it.modes.CommandRow.row;
import static dev.respite.it.modes.CommandRow.voidRow;
import static dev.respite.it.modes.CommandRow.where;

import dev.respite.command.BitOperation;
import dev.respite.command.GeoCoordinates;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * {@code HyperLogLogCommands}, {@code BitmapCommands}, {@code GeoCommands} and {@code PublishCommands} rows:
 * {@code hll} holds a, b, c; {@code bits} has bit 7 set; {@code geo} holds Palermo and Catania.
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
        row(c -> c.bitOp(BitOperation.NOT, "dst", "bits"), 1).then(s -> s.getBit("dst", 7), false),
        row(c -> c.geoadd("geo", 13.583333, 37.316667, "Agrigento"), 1),
        row(c -> c.geopos("geo", "Palermo", "nope"), where("Palermo's position, then null", r -> r instanceof List<?> l
            && l.size() == 2 && l.get(0) instanceof GeoCoordinates p && Math.abs(p.longitude() - 13.361389) < 1e-5
            && Math.abs(p.latitude() - 38.115556) < 1e-5 && l.get(1) == null)),
        row(c -> c.geodist("geo", "Palermo", "Catania", GeoUnit.KM), 166.2742),
        row(c -> c.geodist("geo", "Palermo", "nope", GeoUnit.KM), null).as("absent member"),
        row(c -> c.geohash("geo", "Palermo", "nope"), Arrays.asList("sqc8b49rny0", null)),
        row(c -> c.geosearch("geo", GeoSearch.<String>fromLonLat(15, 37).byRadius(200, GeoUnit.KM).ascending()),
            List.of("Catania", "Palermo")),
        row(c -> c.geosearchStore("dst", "geo", GeoSearch.fromMember("Palermo").byRadius(200, GeoUnit.KM)), 2),
        row(c -> c.publish("channel", "m"), 0),
        row(c -> c.spublish("channel", "m"), 0));
  }
}

package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.GeoAddOptions;
import dev.respite.command.GeoCommands;
import dev.respite.command.GeoCoordinates;
import dev.respite.command.GeoMatch;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.GeoValue;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link GeoCommands} as commands. */
public interface GeoFamily<K, V> extends GeoCommands<K, V>, CommandContext<K, V> {

  @Override
  default long geoadd(K key, double longitude, double latitude, V member) {
    return run(Command.of(GEOADD, Decoders.LONG, codec().key(key), longitude, latitude, codec().value(member)));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<@Nullable GeoCoordinates> geopos(K key, V... members) {
    return run(Command.of(GEOPOS, GeoReplies.POSITIONS, args().key(key).values(Args.nonEmpty("GEOPOS", members)).array()));
  }

  @Override
  default @Nullable Double geodist(K key, V member1, V member2, GeoUnit unit) {
    return run(Command.of(GEODIST, Decoders.NULLABLE_DOUBLE, codec().key(key), codec().value(member1),
        codec().value(member2), unit.name()));
  }

  @Override
  @SuppressWarnings("unchecked")
  default List<@Nullable String> geohash(K key, V... members) {
    return run(Command.of(GEOHASH, Decoders.NULLABLE_TEXT_LIST,
        args().key(key).values(Args.nonEmpty("GEOHASH", members)).array()));
  }

  @Override
  default List<V> geosearch(K key, GeoSearch<V> search) {
    return run(Command.of(GEOSEARCH, codec().values, searchArgs(args().key(key), search).array()));
  }

  @Override
  default long geosearchStore(K destination, K source, GeoSearch<V> search) {
    return run(Command.of(GEOSEARCHSTORE, Decoders.LONG,
        searchArgs(args().key(destination).key(source), search).array()));
  }

  @Override
  default long geoadd(K key, GeoAddOptions options, Collection<GeoValue<V>> members) {
    Args<K, V> args = args().key(key);
    String existence = options.existence();
    if (existence != null) {
      args.add("NX".equals(existence) ? NX : XX);
    }
    if (options.isChanged()) {
      args.add(CH);
    }
    for (GeoValue<V> member : Args.nonEmpty("GEOADD", members)) {
      args.add(member.coordinates().longitude()).add(member.coordinates().latitude()).value(member.value());
    }
    return run(Command.of(GEOADD, Decoders.LONG, args.array()));
  }

  @Override
  default List<GeoMatch<V>> geosearchWithDetails(K key, GeoSearch<V> search) {
    return run(Command.of(GEOSEARCH, GeoReplies.matches(codec()),
        searchArgs(args().key(key), search).add(WITHDIST).add(WITHCOORD).array()));
  }

  private Args<K, V> searchArgs(Args<K, V> args, GeoSearch<V> search) {
    V member = search.member();
    GeoCoordinates point = search.point();
    if (member != null) {
      args.add(FROMMEMBER).value(member);
    } else if (point != null) {
      args.add(FROMLONLAT).add(point.longitude()).add(point.latitude());
    }
    if (search.radius() > 0) {
      args.add(BYRADIUS).add(search.radius()).add(search.unit().name());
    } else if (search.width() > 0) {
      args.add(BYBOX).add(search.width()).add(search.height()).add(search.unit().name());
    } else {
      throw new IllegalArgumentException("GEOSEARCH needs byRadius or byBox");
    }
    Boolean ascending = search.isAscending();
    if (ascending != null) {
      args.add(ascending ? ASC : DESC);
    }
    if (search.count() > 0) {
      args.add(COUNT).add(search.count());
      if (search.isAny()) {
        args.add(ANY);
      }
    }
    return args;
  }
}

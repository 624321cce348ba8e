package dev.respite.impl.topology;

import dev.respite.Reply;
import dev.respite.impl.protocol.RespReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Replies recorded from real servers (redis-server 7.0.15, through the test-support fixtures LocalRedisCluster
 * and LocalSentinelGroup, with and without HELLO 3), read back with the driver's own RESP reader.
 */
public final class CannedReplies {

  private CannedReplies() {}

  /** The reply stored in {@code dev/respite/impl/topology/<name>.resp}. */
  public static Reply read(String name) {
    String resource = name + ".resp";
    try (InputStream in = CannedReplies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no canned reply " + resource);
      }
      return new RespReader(in, 16 * 1024, 1 << 20, 16).readReply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

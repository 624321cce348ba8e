package dev.respite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/** Free TCP ports on the loopback interface, for servers that tests start. */
final class LoopbackPorts {

  private static final int PROBES = 200;

  private LoopbackPorts() {}

  /** A port the system considers free right now. */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }

  /** A free port that also satisfies {@code suitable} (a cluster node also needs its bus port free). */
  static int free(IntPredicate suitable) {
    for (int probe = 0; probe < PROBES; probe++) {
      int port = free();
      if (suitable.test(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no suitable free loopback port in " + PROBES + " probes");
  }

  /** Whether {@code port} can be bound on loopback now. */
  static boolean isFree(int port) {
    if (port <= 0 || port > 65_535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

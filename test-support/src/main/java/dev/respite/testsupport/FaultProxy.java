package dev.respite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a client under test and a server, which injects a {@link Fault} into the
 * server's replies: latency, a blackhole, a reset or close mid-reply, 1-byte segments, a slow trickle.
 *
 * <p>The fault applies at once to every connection, open or new, so a test can warm a pool through a
 * healthy proxy, then break the connections the pool holds. {@link #inject(Fault) inject(Fault.none())}
 * heals it. Each proxied connection ("link") uses two daemon threads; closing the proxy closes every link.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 8192;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private volatile Fault fault = Fault.none();
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
  }

  /**
   * Starts a proxy on a free loopback port in front of {@code 127.0.0.1:targetPort}.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static FaultProxy start(int targetPort) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      ServerSocket listener = new ServerSocket(0, 256, loopback);
      FaultProxy proxy = new FaultProxy(new InetSocketAddress(loopback, targetPort), listener);
      Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-accept-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the fault proxy", e);
    }
  }

  /** The loopback port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code 127.0.0.1}, or whatever the loopback address is. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** A URL for this proxy without options, e.g. {@code redis://127.0.0.1:40123}. */
  public String url() {
    return "redis://" + host() + ":" + port();
  }

  /** Applies {@code newFault} from now on to every connection, open or new. */
  public void inject(Fault newFault) {
    this.fault = Objects.requireNonNull(newFault, "fault");
  }

  /** The fault in force. */
  public Fault fault() {
    return fault;
  }

  /** Connections accepted since the proxy started. */
  public long acceptedConnections() {
    return accepted.get();
  }

  /** Connections open right now. */
  public int openConnections() {
    return links.size();
  }

  /** Resets every open connection at once (RST both ways), as a dropped network path would. */
  public void resetAll() {
    for (Link link : links) {
      link.close(true);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) { // closing anyway
    }
    for (Link link : links) {
      link.close(false);
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + port() + " -> " + target.getPort() + ", " + fault + ", " + links.size() + " open]";
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // the listener was closed
      }
      accepted.incrementAndGet();
      Socket upstream = new Socket();
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        closeQuietly(client); // the server is down: the client sees its connection closed, as with no proxy
        closeQuietly(upstream);
        continue;
      }
      Link link = new Link(client, upstream);
      links.add(link);
      link.start();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) { // abandoning it anyway
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  }

  /** One proxied connection and its two pumping threads. */
  private final class Link {
    private final Socket client;
    private final Socket upstream;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      String name = "fault-proxy-" + client.getPort();
      Thread up = new Thread(this::pumpCommands, name + "-up");
      Thread down = new Thread(this::pumpReplies, name + "-down");
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    /** Client to server: unchanged, except that a blackhole swallows it. */
    private void pumpCommands() {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (fault.kind() != Fault.Kind.BLACKHOLE) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // one side went away; closing both below tells the other side
      } finally {
        close(false);
      }
    }

    /** Server to client, through the fault in force when each chunk arrives. */
    private void pumpReplies() {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!forward(buffer, n, out)) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // one side went away; closing both below tells the other side
      } finally {
        close(false);
      }
    }

    /** Passes one chunk on under the current fault; false when the fault ended the link. */
    private boolean forward(byte[] buffer, int n, OutputStream out) throws IOException, InterruptedException {
      Fault current = fault;
      switch (current.kind()) {
        case NONE:
          out.write(buffer, 0, n);
          break;
        case LATENCY:
          pause(current.delay());
          out.write(buffer, 0, n);
          break;
        case BLACKHOLE:
          break;
        case RESET_MID_REPLY:
        case CLOSE_MID_REPLY:
          out.write(buffer, 0, Math.max(1, n / 2));
          out.flush();
          close(current.kind() == Fault.Kind.RESET_MID_REPLY);
          return false;
        case ONE_BYTE_SEGMENTS:
        case TRICKLE:
          for (int i = 0; i < n; i++) {
            out.write(buffer[i]);
            out.flush();
            pause(current.delay());
          }
          break;
        default:
          throw new IllegalStateException("unknown fault " + current);
      }
      out.flush();
      return true;
    }

    /** Closes both sockets; with {@code reset}, the client gets a TCP RST instead of a FIN. */
    void close(boolean reset) {
      if (reset) {
        try {
          client.setSoLinger(true, 0);
        } catch (IOException ignored) { // already closed: nothing to reset
        }
      }
      closeQuietly(client);
      closeQuietly(upstream);
      links.remove(this);
    }
  }
}

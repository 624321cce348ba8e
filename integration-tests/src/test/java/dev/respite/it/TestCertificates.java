package dev.respite.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Certificates made by {@code openssl} for one test class, in a temp directory deleted on close: a CA, a
 * server certificate it signed for {@code 127.0.0.1}/{@code localhost}, one it signed for another host
 * name only, a client certificate it signed, and a second CA that signed only a client certificate.
 */
final class TestCertificates implements AutoCloseable {
  private static final String DAYS = "2";

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Whether {@code openssl} can be run. */
  static boolean opensslAvailable() {
    try {
      return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static TestCertificates generate() {
    Path dir;
    try {
      dir = Files.createTempDirectory("respite-tls-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestCertificates certificates = new TestCertificates(dir);
    try {
      certificates.ca("ca");
      certificates.ca("other-ca");
      certificates.leaf("server", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
      certificates.leaf("wrong-host", "ca", "subjectAltName=DNS:wrong-host.example\nextendedKeyUsage=serverAuth");
      certificates.leaf("client", "ca", "extendedKeyUsage=clientAuth");
      certificates.leaf("stranger", "other-ca", "extendedKeyUsage=clientAuth");
      certificates.leaf("rsa-client", "ca", "extendedKeyUsage=clientAuth", "rsa:2048");
      return certificates;
    } catch (RuntimeException e) {
      certificates.close();
      throw e;
    }
  }

  /** The CA that signed both server certificates. */
  Path ca() {
    return dir.resolve("ca.pem");
  }

  /** A CA that signed neither server certificate. */
  Path otherCa() {
    return dir.resolve("other-ca.pem");
  }

  /** {@code redis-server} arguments to serve TLS with {@code name}'s certificate ("server", "wrong-host"). */
  List<String> serverArgs(String name) {
    return serverArgs(name, false);
  }

  /** As {@link #serverArgs(String)}; with {@code requireClients}, clients need a certificate signed by the CA. */
  List<String> serverArgs(String name, boolean requireClients) {
    return List.of("--tls-cert-file", dir.resolve(name + ".pem").toString(),
        "--tls-key-file", dir.resolve(name + ".key").toString(),
        "--tls-ca-cert-file", ca().toString(),
        "--tls-auth-clients", requireClients ? "yes" : "no");
  }

  /**
   * The PEM certificate of {@code name}: "client" and "rsa-client" (an RSA key), signed by the CA, or
   * "stranger", signed by the other CA.
   */
  Path certificate(String name) {
    return dir.resolve(name + ".pem");
  }

  /** The PEM private key of {@code name}, as openssl writes it: PKCS #8, unencrypted. */
  Path key(String name) {
    return dir.resolve(name + ".key");
  }

  private void ca(String name) {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", name + ".key", "-out", name + ".pem", "-days", DAYS, "-subj", "/CN=respite test " + name,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  /** A certificate {@code ca} signed, with {@code extensions} (openssl's extfile lines). */
  private void leaf(String name, String ca, String extensions) {
    leaf(name, ca, extensions, "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
  }

  /** As {@link #leaf(String, String, String)}, with a key made by {@code openssl req -newkey <keyOptions>}. */
  private void leaf(String name, String ca, String extensions, String... keyOptions) {
    List<String> request = new ArrayList<>(List.of("req", "-newkey"));
    request.addAll(List.of(keyOptions));
    request.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr",
        "-subj", "/CN=respite test " + name));
    openssl(request.toArray(String[]::new));
    write(name + ".ext", extensions + "\n");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key",
        "-CAcreateserial", "-out", name + ".pem", "-days", DAYS, "-extfile", name + ".ext");
  }

  private void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void openssl(String... args) {
    List<String> command = Stream.concat(Stream.of("openssl"), Stream.of(args)).toList();
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temp directory is harmless.
    }
  }
}

package dev.respite.impl.connection;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * How a data source's connections speak TLS: the trusted certificates (the JDK's trust store, or the CAs of
 * {@code tlsCaCertificate}), whether the server's host name is checked, and the client certificate if any.
 * Made once per data source, so a bad file fails when the data source is created, not on the first borrow.
 */
public final class TlsContext {
  private final SSLSocketFactory sockets;
  private final boolean verifyHostName;
  private final boolean customCa;
  private final boolean clientCertificate;

  private TlsContext(SSLSocketFactory sockets, boolean verifyHostName, boolean customCa,
      boolean clientCertificate) {
    this.sockets = sockets;
    this.verifyHostName = verifyHostName;
    this.customCa = customCa;
    this.clientCertificate = clientCertificate;
  }

  /**
   * The TLS settings of {@code config}.
   *
   * @throws IllegalArgumentException if {@code tlsCaCertificate}, {@code tlsClientCertificate} or
   *     {@code tlsClientKey} cannot be read, is malformed, or the key does not match the certificate
   */
  public static TlsContext of(RedisConfig config) {
    try {
      KeyManager[] keys = clientKeys(config);
      if (config.tlsInsecureSkipVerify()) {
        return new TlsContext(context(keys, new TrustManager[] {new TrustingEveryone()}), false, false,
            keys != null);
      }
      String caFile = config.tlsCaCertificate();
      if (caFile == null) {
        SSLSocketFactory sockets = keys == null ? SSLContext.getDefault().getSocketFactory() : context(keys, null);
        return new TlsContext(sockets, true, false, keys != null);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(caKeyStore(Path.of(caFile)));
      return new TlsContext(context(keys, trust.getTrustManagers()), true, true, keys != null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyManager @Nullable [] clientKeys(RedisConfig config) throws GeneralSecurityException {
    String certificate = config.tlsClientCertificate();
    String key = config.tlsClientKey();
    return certificate == null || key == null ? null
        : ClientCertificate.keyManagers(Path.of(certificate), Path.of(key));
  }

  /** Null trust managers mean the JDK's trust store. */
  private static SSLSocketFactory context(KeyManager @Nullable [] keys, TrustManager @Nullable [] trust)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust, null);
    return context.getSocketFactory();
  }

  private static KeyStore caKeyStore(Path file) throws GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("Option tlsCaCertificate: cannot read " + file + ": " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Option tlsCaCertificate: " + file + " is not a PEM certificate file: "
          + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("Option tlsCaCertificate: " + file + " holds no certificate");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create an empty key store", e);
    }
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  /**
   * Layers TLS over a connected socket and completes the handshake within {@code timeoutMillis}; closing
   * the returned socket closes {@code plain} too.
   *
   * @throws SSLException if the handshake fails (untrusted certificate, wrong host name, not TLS...)
   */
  SSLSocket handshake(Socket plain, String host, int port, int timeoutMillis) throws IOException {
    SSLSocket socket = (SSLSocket) sockets.createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    if (verifyHostName) {
      // HTTPS rules: the certificate's subject alternative names must match the host name or IP address.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    socket.setSSLParameters(parameters);
    int previous = plain.getSoTimeout();
    socket.setSoTimeout(timeoutMillis);
    socket.startHandshake();
    socket.setSoTimeout(previous);
    return socket;
  }

  /** A message for a failed TLS handshake that says what to check, without the stack's noise. */
  RedisConnectionException handshakeFailed(String address, IOException failure) {
    String why = String.valueOf(failure.getMessage());
    String hint;
    if (why.contains("PKIX") || why.contains("certification path")) {
      hint = customCa ? "the server's certificate is not signed by the CA in tlsCaCertificate"
          : "the server's certificate is not trusted by the JDK's trust store; set tlsCaCertificate to the"
              + " PEM file of the CA that signed it";
    } else if (why.contains("subject alternative") || why.contains("No name matching")) {
      hint = "the server's certificate does not name the host " + address
          + " (host name verification); connect with a name the certificate lists";
    } else if (closedByServer(failure)) {
      hint = clientCertificate
          ? "the server refused the client certificate in tlsClientCertificate; is it signed by a CA in the"
              + " server's tls-ca-cert-file, and still valid?"
          : "the server closed the connection; if it requires client certificates (tls-auth-clients yes, the"
              + " default of a TLS redis-server), set tlsClientCertificate and tlsClientKey";
    } else if (failure instanceof SocketTimeoutException) {
      hint = "no TLS answer within connectTimeout; is the server's port a TLS port (redis-server --tls-port)?";
    } else if (failure instanceof SSLHandshakeException || failure instanceof SSLException) {
      hint = "is the server's port a TLS port (redis-server --tls-port)?";
    } else {
      hint = "the connection failed during the handshake";
    }
    return new RedisConnectionException("TLS handshake with Redis at " + address + " failed: " + hint
        + " (" + why + ")", failure);
  }

  /**
   * Whether the server ended the TLS session: an alert about the client's certificate, or the connection
   * closed under the handshake (how redis-server refuses a client certificate).
   */
  private static boolean closedByServer(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof EOFException || message.contains("Broken pipe") || message.contains("Connection reset")
          || message.contains("certificate_required") || message.contains("bad_certificate")
          || message.contains("unknown_ca") || message.contains("certificate_unknown")) {
        return true;
      }
    }
    return false;
  }

  /** Accepts any certificate: what {@code tlsInsecureSkipVerify=true} asks for, and nothing else uses. */
  private static final class TrustingEveryone extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

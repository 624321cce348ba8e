package dev.respite.impl.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The certificate a server with {@code tls-auth-clients} asks for, read from the same PEM files that
 * {@code redis-cli --cert --key} takes. Read once per data source, so a bad file fails when the data source is
 * created. The key never appears in a message.
 */
final class ClientCertificate {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  /** Key algorithms a PKCS #8 key may hold, tried in turn: the file does not say which. */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS");
  /** Protects the key inside a key store that lives only in memory; not a secret. */
  private static final char[] IN_MEMORY = "respite".toCharArray();

  private ClientCertificate() {}

  /**
   * Key managers that present {@code certificateFile}'s chain, signed with {@code keyFile}'s key.
   *
   * @throws IllegalArgumentException naming the option whose file is unreadable, malformed or mismatched
   */
  static KeyManager[] keyManagers(Path certificateFile, Path keyFile) throws GeneralSecurityException {
    PrivateKey key = key(keyFile);
    Certificate[] chain = chain(certificateFile);
    if (!belongTogether(key, chain[0].getPublicKey())) {
      throw new IllegalArgumentException("Option tlsClientKey: the key in " + keyFile
          + " does not belong to the first certificate in " + certificateFile + " (option tlsClientCertificate)");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create an empty key store", e);
    }
    store.setKeyEntry("client", key, IN_MEMORY, chain);
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, IN_MEMORY);
    return factory.getKeyManagers();
  }

  private static Certificate[] chain(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in)
          .toArray(new Certificate[0]);
      if (chain.length == 0) {
        throw new IllegalArgumentException("Option tlsClientCertificate: " + file + " holds no certificate");
      }
      return chain;
    } catch (IOException e) {
      throw new IllegalArgumentException("Option tlsClientCertificate: cannot read " + file + ": " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Option tlsClientCertificate: " + file
          + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  private static PrivateKey key(Path file) throws GeneralSecurityException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("Option tlsClientKey: cannot read " + file + ": " + e, e);
    }
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END, Math.max(begin, 0));
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException("Option tlsClientKey: " + file + " holds no unencrypted PKCS #8 key ("
          + BEGIN + ")" + formatHint(text, file));
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Option tlsClientKey: " + file + " is not valid PEM (bad base64)", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not this algorithm, or one this JDK lacks: try the next.
      }
    }
    throw new IllegalArgumentException("Option tlsClientKey: " + file + " holds a key of an algorithm this JDK"
        + " cannot read (RSA, EC and Ed25519 are supported)");
  }

  /** What to run when the file holds a key in a format Java cannot read without a library. */
  private static String formatHint(String text, Path file) {
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      return "; it is encrypted: write an unencrypted copy with `openssl pkcs8 -in " + file
          + " -out client-key.pem` and keep that file's permissions tight";
    }
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
      return "; it is in OpenSSL's traditional format: convert it with `openssl pkcs8 -topk8 -nocrypt -in "
          + file + " -out client-key.pem`";
    }
    return "";
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, PublicKey certificateKey) throws GeneralSecurityException {
    String algorithm;
    switch (key.getAlgorithm()) {
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      case "EC":
        algorithm = "SHA256withECDSA";
        break;
      case "EdDSA":
        algorithm = "EdDSA";
        break;
      default:
        return true; // RSASSA-PSS needs parameters; the server's handshake is then the check
    }
    byte[] probe = "respite client certificate check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    try {
      verifier.initVerify(certificateKey);
    } catch (InvalidKeyException e) {
      return false; // a key of another algorithm
    }
    verifier.update(probe);
    try {
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false; // a key of another curve
    }
  }
}

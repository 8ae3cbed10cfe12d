package dev.opsledger.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 signatures of {@link AuditCheckpoint}s with the JDK's own provider, so a service, a
 * test, the devstack and another team's auditor all sign and check them alike without a library.
 * Keys travel as base64 of their standard encodings: PKCS#8 for the private key (what
 * {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0} prints), X.509
 * SubjectPublicKeyInfo for the public one.
 */
public final class AuditCheckpointSignatures {

    public static final String ALGORITHM = "Ed25519";

    private AuditCheckpointSignatures() {
    }

    /** A key pair in its base64 encodings: private PKCS#8, public X.509. */
    public record EncodedKeyPair(String privateKey, String publicKey) {

        @Override
        public String toString() {
            return "EncodedKeyPair[publicKey=" + publicKey + "]";
        }
    }

    /** A new key pair: for dev stacks and tests, never committed. */
    public static EncodedKeyPair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncodedKeyPair(base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK since 15 ships Ed25519", e);
        }
    }

    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /**
     * A short name for a public key: the first 16 hex digits of the SHA-256 of its encoding. It
     * says which key to check a checkpoint with once keys are rotated; it proves nothing by itself.
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK ships SHA-256", e);
        }
    }

    /** The checkpoint signed with {@code key}, naming the key by {@code keyId}. */
    public static AuditCheckpoint sign(AuditCheckpoint checkpoint, PrivateKey key, String keyId) {
        AuditCheckpoint named = checkpoint.signed(keyId, null);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(named.signedContent().getBytes(StandardCharsets.UTF_8));
            return named.signed(keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }

    /** Whether {@code checkpoint} carries a valid signature by {@code key}; false for anything malformed. */
    public static boolean verify(AuditCheckpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedContent().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}

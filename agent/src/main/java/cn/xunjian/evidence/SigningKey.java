package cn.xunjian.evidence;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The key that signs a run's manifest, with its self-signed certificate.
 *
 * @param keyId the first 16 hex digits of the SHA-256 of the public key: a new key, a new id
 */
public record SigningKey(KeyAlgorithm algorithm, PrivateKey privateKey, X509Certificate certificate, String keyId) {
    public String certificatePem() {
        return Bc.pem(certificate);
    }

    public String subject() {
        return org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .toString();
    }
}

package cn.xunjian.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The BouncyCastle provider, used by instance rather than installed in the JVM so nothing else's choice of provider
 * changes, and the PEM and certificate conversions the signing and timestamping share.
 */
final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }

    static String pem(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @throws CertificateException when the text holds no certificate */
    static X509Certificate certificate(String pem) throws CertificateException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (!(o instanceof X509CertificateHolder holder)) {
                throw new CertificateException("not a PEM certificate");
            }
            return certificate(holder);
        } catch (IOException e) {
            throw new CertificateException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(X509CertificateHolder holder) throws CertificateException {
        return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
    }

    /** The key id of a certificate: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo). */
    static String keyId(X509Certificate cert) {
        return HexFormat.of().formatHex(Sha256.digest().digest(cert.getPublicKey().getEncoded())).substring(0, 16);
    }
}

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

    /**
     * Whether {@code der} is exactly the DER encoding of what it holds. A byte changed where BER allows another
     * spelling of the same value (a boolean's 0xFF turned into 0xFE) leaves every signature valid, yet the file is no
     * longer what was stored; DER has one spelling, so re-encoding shows it.
     */
    static boolean isDer(byte[] der) {
        try {
            return java.util.Arrays.equals(der, toDer(der));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static byte[] toDer(byte[] ber) throws IOException {
        return org.bouncycastle.asn1.ASN1Primitive.fromByteArray(ber).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    }

    /**
     * What in a CMS SignedData no signature covers, checked against what the signer must have written: the outer
     * content type, the version, the digest algorithms (exactly those of the signers) and no CRLs. Empty when sound.
     */
    static java.util.Optional<String> unsignedPartProblem(org.bouncycastle.cms.CMSSignedData signed) {
        try {
            return unsignedPart(signed);
        } catch (RuntimeException e) {
            return java.util.Optional.of("结构无法解析（" + e.getMessage() + "）");
        }
    }

    private static java.util.Optional<String> unsignedPart(org.bouncycastle.cms.CMSSignedData signed) {
        org.bouncycastle.asn1.cms.ContentInfo info = signed.toASN1Structure();
        if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            return java.util.Optional.of("外层内容类型不是 SignedData");
        }
        org.bouncycastle.asn1.cms.SignedData sd = org.bouncycastle.asn1.cms.SignedData.getInstance(info.getContent());
        java.util.Set<org.bouncycastle.asn1.x509.AlgorithmIdentifier> declared = new java.util.HashSet<>(
                signed.getDigestAlgorithmIDs());
        java.util.Set<org.bouncycastle.asn1.x509.AlgorithmIdentifier> used = new java.util.HashSet<>();
        for (org.bouncycastle.cms.SignerInformation si : signed.getSignerInfos()) {
            used.add(si.getDigestAlgorithmID());
            if (si.getVersion() != 1 && si.getVersion() != 3) {
                return java.util.Optional.of("SignerInfo 版本号异常");
            }
        }
        if (!declared.equals(used)) {
            return java.util.Optional.of("声明的摘要算法与签名者所用的不一致");
        }
        int expectedVersion = signed.getVersion();
        if (sd.getVersion().intValueExact() != expectedVersion || (expectedVersion != 1 && expectedVersion != 3)) {
            return java.util.Optional.of("SignedData 版本号异常");
        }
        if (sd.getCRLs() != null && sd.getCRLs().size() > 0) {
            return java.util.Optional.of("含有签名时没有的吊销列表");
        }
        return java.util.Optional.empty();
    }

    /** The key id of a certificate: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo). */
    static String keyId(X509Certificate cert) {
        return HexFormat.of().formatHex(Sha256.digest().digest(cert.getPublicKey().getEncoded())).substring(0, 16);
    }
}

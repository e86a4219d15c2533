package cn.xunjian.evidence;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a file as a detached CMS SignedData (DER, {@code .p7s}) carrying the signer's certificate, the standard form
 * that {@code openssl cms -verify -binary -inform DER -content FILE -in FILE.p7s} checks as well as {@code verify}.
 */
public final class ManifestSigner {
    private final SigningKey key;

    public ManifestSigner(SigningKey key) {
        this.key = key;
    }

    public SigningKey key() {
        return key;
    }

    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
                    .build(new JcaContentSignerBuilder(key.algorithm().signatureAlgorithm()).setProvider(Bc.PROVIDER)
                            .build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign with the " + key.algorithm() + " key " + key.keyId(), e);
        }
    }
}

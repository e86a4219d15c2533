package cn.xunjian.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a manifest's detached CMS signature: that it parses, that the digest it signed is the manifest's (else the
 * manifest changed), that the signature value verifies (else the signature changed), and that its certificate is
 * the run's {@code signer.pem}. Says who signed: the certificate's subject and the key id.
 */
final class SignatureStep implements VerificationStep {
    private final String manifest;

    SignatureStep(String manifest) {
        this.manifest = manifest;
    }

    private static boolean signedAttributesVerify(SignerInformation signer, X509Certificate cert) {
        try {
            String name = new org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator().getSignatureName(
                    signer.getDigestAlgorithmID(), new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            new org.bouncycastle.asn1.ASN1ObjectIdentifier(signer.getEncryptionAlgOID())));
            java.security.Signature sig = java.security.Signature.getInstance(name, Bc.PROVIDER);
            sig.initVerify(cert.getPublicKey());
            sig.update(signer.getEncodedSignedAttributes());
            return sig.verify(signer.getSignature());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String title() {
        return "清单签名（" + manifest + "）";
    }

    @Override
    public Report check(Path runDir) {
        List<Problem> problems = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        Optional<Manifest> read = RunManifests.read(runDir, manifest, problems);
        if (read.isEmpty()) {
            return new Report(title(), facts, problems);
        }
        ManifestSeal seal = read.get().seal();
        if (seal == null || seal.signature() == null) {
            String base = manifest.endsWith(".json") ? manifest.substring(0, manifest.length() - 5) : manifest;
            if (Files.exists(runDir.resolve(base + ".p7s"))) {
                problems.add(new Problem(manifest, manifest + " 未声明签名，但目录中有签名文件 " + base
                        + ".p7s：清单可能被替换"));
            } else {
                facts.add("未签名（巡检时没有签名密钥）");
            }
            return new Report(title(), facts, problems);
        }
        String sigFile = seal.signature();
        try {
            byte[] content = Files.readAllBytes(runDir.resolve(manifest));
            if (!Files.isRegularFile(runDir.resolve(sigFile))) {
                problems.add(new Problem(sigFile, "签名文件 " + sigFile + " 缺失（" + manifest + " 声明有签名）"));
                return new Report(title(), facts, problems);
            }
            byte[] signature = Files.readAllBytes(runDir.resolve(sigFile));
            if (!Bc.isDer(signature)) {
                problems.add(new Problem(sigFile, "签名文件 " + sigFile + " 不是签名时的 DER 编码（文件被改动）"));
            }
            CMSSignedData signed;
            SignerInformation signer;
            X509CertificateHolder holder;
            try {
                signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
                signer = signed.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(signer.getSID());
                if (certs.isEmpty()) {
                    problems.add(new Problem(sigFile, "签名文件 " + sigFile + " 中没有签名者的证书"));
                    return new Report(title(), facts, problems);
                }
                holder = certs.iterator().next();
            } catch (CMSException | RuntimeException e) {
                problems.add(new Problem(sigFile, "签名文件 " + sigFile + " 已损坏，无法解析（" + RunManifests.firstLine(e)
                        + "）"));
                return new Report(title(), facts, problems);
            }
            Bc.unsignedPartProblem(signed).ifPresent(why -> problems.add(new Problem(sigFile,
                    "签名文件 " + sigFile + " 被改动：" + why)));
            X509Certificate cert = Bc.certificate(holder);
            String keyId = Bc.keyId(cert);
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(holder))) {
                    problems.add(new Problem(sigFile, "签名 " + sigFile + " 无效：签名值与 " + manifest
                            + " 不符（签名文件被改动）"));
                }
            } catch (CMSSignerDigestMismatchException e) {
                // the digest in the signed attributes is not the manifest's: either the manifest changed, or the
                // attribute did, and then the signature over the attributes no longer verifies
                if (signedAttributesVerify(signer, cert)) {
                    problems.add(new Problem(manifest, manifest + " 在签名后被改动：其摘要与签名 " + sigFile + " 中记录的不符"));
                } else {
                    problems.add(new Problem(sigFile, "签名 " + sigFile + " 无效：签名值与其中记录的摘要不符（签名文件被改动）"));
                }
            } catch (CMSException | OperatorCreationException | RuntimeException e) {
                problems.add(new Problem(sigFile, "签名 " + sigFile + " 无效（" + RunManifests.firstLine(e) + "）"));
            }
            Path pem = runDir.resolve(seal.certificate() == null ? RunSealer.SIGNER_CERT : seal.certificate());
            if (Files.isRegularFile(pem)) {
                try {
                    X509Certificate stored = Bc.certificate(Files.readString(pem, StandardCharsets.US_ASCII));
                    if (!stored.equals(cert)) {
                        problems.add(new Problem(sigFile, "签名 " + sigFile + " 中的证书与 " + pem.getFileName()
                                + " 不是同一个"));
                    }
                } catch (GeneralSecurityException e) {
                    problems.add(new Problem(pem.getFileName().toString(), "签名证书 " + pem.getFileName()
                            + " 已损坏，无法解析"));
                }
            }
            if (seal.keyId() != null && !seal.keyId().equals(keyId)) {
                problems.add(new Problem(sigFile, "签名 " + sigFile + " 所用密钥 " + keyId + " 不是 " + manifest
                        + " 声明的 " + seal.keyId()));
            }
            facts.add("签名者：" + holder.getSubject() + "（密钥 " + keyId + "，"
                    + cert.getPublicKey().getAlgorithm() + "）");
        } catch (RuntimeException e) {
            // a changed byte can trip the parser anywhere; whatever it is, it is this file that is damaged
            problems.add(new Problem(sigFile, "签名文件 " + sigFile + " 已损坏（" + RunManifests.firstLine(e) + "）"));
        } catch (IOException | GeneralSecurityException e) {
            problems.add(new Problem(sigFile, "无法读取签名 " + sigFile + "：" + e.getMessage()));
        }
        return new Report(title(), facts, problems);
    }
}

package cn.xunjian.evidence;

import cn.xunjian.internal.ShanghaiTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a manifest's RFC 3161 token: that it parses, that its signature verifies with the TSA certificate it
 * carries (timeStamping usage), that the hash it stamped is the manifest's, and, when a TSA certificate is given
 * ({@code tsa.pem} in the run or {@code --tsa-ca}), that the token's certificate is it or was issued by it. A token
 * the run could not get (the TSA failed, recorded in {@code seal.json}) is said, not counted as tampering.
 */
final class TimestampStep implements VerificationStep {
    private final String manifest;
    private final Path tsaCa;

    /** @param tsaCa the TSA certificate to check the chain against, or null for the run's {@code tsa.pem} if any */
    TimestampStep(String manifest, Path tsaCa) {
        this.manifest = manifest;
        this.tsaCa = tsaCa;
    }

    @Override
    public String title() {
        return "可信时间戳（" + manifest + "）";
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
        if (seal == null || seal.timestamp() == null) {
            facts.add("未加盖时间戳（巡检时未配置时间戳服务）");
            return new Report(title(), facts, problems);
        }
        String tsr = seal.timestamp();
        try {
            if (!Files.isRegularFile(runDir.resolve(tsr))) {
                Optional<String> why = recordedFailure(runDir);
                if (why.isPresent()) {
                    facts.add("未加盖时间戳：" + why.get());
                } else {
                    problems.add(new Problem(tsr, "时间戳文件 " + tsr + " 缺失（" + manifest + " 声明有时间戳）"));
                }
                return new Report(title(), facts, problems);
            }
            byte[] content = Files.readAllBytes(runDir.resolve(manifest));
            TimeStampToken token;
            TimeStampResponse response;
            byte[] stored = Files.readAllBytes(runDir.resolve(tsr));
            try {
                response = new TimeStampResponse(stored);
                token = response.getTimeStampToken();
            } catch (Exception e) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 已损坏，无法解析（" + RunManifests.firstLine(e) + "）"));
                return new Report(title(), facts, problems);
            }
            if (token == null) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 中没有时间戳令牌"));
                return new Report(title(), facts, problems);
            }
            if (response.getStatus() != 0 || response.getFailInfo() != null || response.getStatusString() != null) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 的应答状态被改动（不是“已签发”）"));
            }
            Bc.unsignedPartProblem(token.toCMSSignedData())
                    .ifPresent(why -> problems.add(new Problem(tsr, "时间戳 " + tsr + " 被改动：" + why)));
            if (!Bc.isDer(stored)) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 不是保存时的 DER 编码（文件被改动）"));
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            if (certs.isEmpty()) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 中没有签发者证书，无法离线核验"));
                return new Report(title(), facts, problems);
            }
            X509CertificateHolder holder = certs.iterator().next();
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(holder));
            } catch (Exception e) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 的签名无效（令牌被改动）：" + RunManifests.firstLine(e)));
            }
            String algorithm = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
            byte[] stamped = token.getTimeStampInfo().getMessageImprintDigest();
            byte[] actual = MessageDigest.getInstance(algorithm, Bc.PROVIDER).digest(content);
            if (!MessageDigest.isEqual(stamped, actual)) {
                problems.add(new Problem(tsr, "时间戳 " + tsr + " 所盖的哈希 " + HexFormat.of().formatHex(stamped)
                        + " 不是 " + manifest + " 的哈希 " + HexFormat.of().formatHex(actual)
                        + "（令牌属于另一个文件，或清单被改动）"));
            }
            checkChain(runDir, Bc.certificate(holder), tsr, facts, problems);
            facts.add("盖时间戳：" + ShanghaiTime.iso(token.getTimeStampInfo().getGenTime().toInstant()) + "，签发者 " + holder.getSubject());
        } catch (RuntimeException e) {
            // a changed byte can trip the parser anywhere; whatever it is, it is this file that is damaged
            problems.add(new Problem(tsr, "时间戳 " + tsr + " 已损坏（" + RunManifests.firstLine(e) + "）"));
        } catch (IOException | GeneralSecurityException e) {
            problems.add(new Problem(tsr, "无法读取时间戳 " + tsr + "：" + e.getMessage()));
        }
        return new Report(title(), facts, problems);
    }

    private void checkChain(Path runDir, X509Certificate tsaCert, String tsr, List<String> facts,
                            List<Problem> problems) throws IOException {
        Path ca = tsaCa != null ? tsaCa : runDir.resolve(RunSealer.TSA_CERT);
        String caName = tsaCa != null ? tsaCa.toString() : RunSealer.TSA_CERT;
        if (!Files.isRegularFile(ca)) {
            facts.add("未给出时间戳服务的证书，未核验其证书链");
            return;
        }
        X509Certificate anchor;
        try {
            anchor = Bc.certificate(Files.readString(ca, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            problems.add(new Problem(caName, "时间戳服务证书 " + caName + " 已损坏，无法解析"));
            return;
        }
        if (anchor.equals(tsaCert)) {
            facts.add("时间戳签发者即 " + caName + " 中的证书");
            return;
        }
        try {
            tsaCert.verify(anchor.getPublicKey(), Bc.PROVIDER);
            facts.add("时间戳签发者证书由 " + caName + " 中的证书签发");
        } catch (GeneralSecurityException e) {
            problems.add(new Problem(tsr, "时间戳 " + tsr + " 的签发者不是 " + caName + " 中的证书，也不由它签发"));
        }
    }

    private Optional<String> recordedFailure(Path runDir) {
        return RunSealer.readLog(runDir).stream()
                .filter(o -> manifest.equals(o.manifest()) && !o.stamped() && o.notStamped() != null)
                .map(SealOutcome::notStamped).findFirst();
    }
}

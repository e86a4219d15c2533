package cn.xunjian.evidence;

import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Seals a manifest of a run: a detached CMS signature with this installation's key ({@code <name>.p7s}, and the
 * signer's certificate as {@code signer.pem}) and an RFC 3161 token over the manifest's SHA-256 from the configured
 * TSA ({@code <name>.tsr}, DER, and {@code tsa.pem} for the demonstration TSA or a configured CA certificate). A TSA
 * that fails is retried a few times and then recorded; nothing here stops a run.
 */
public final class RunSealer {
    public static final String SIGNER_CERT = "signer.pem";
    /** The manifest of the evidence alone, sealed before the reports are written. */
    public static final String EVIDENCE_MANIFEST = "evidence-manifest.json";
    public static final String TSA_CERT = "tsa.pem";
    /** How each manifest was sealed, written last; a TSA failure is recorded here. */
    public static final String SEAL_LOG = "seal.json";

    private final ManifestSigner signer;
    private final String unsignedReason;
    private final TsaConfig tsa;
    private final HttpStack http;
    private final RetryPolicy.Pause pause;

    /**
     * @param signer         null for a run without a usable key
     * @param unsignedReason why there is no signer, or null
     * @param tsa            null when no TSA is configured
     */
    public RunSealer(ManifestSigner signer, String unsignedReason, TsaConfig tsa, HttpStack http,
                     RetryPolicy.Pause pause) {
        this.signer = signer;
        this.unsignedReason = unsignedReason;
        this.tsa = tsa;
        this.http = http;
        this.pause = pause;
    }

    /** What the manifest at {@code rel} will say about its seal: the files its signature and token go into. */
    public ManifestSeal plan(String rel) {
        if (signer == null && tsa == null) {
            return null;
        }
        String base = rel.endsWith(".json") ? rel.substring(0, rel.length() - 5) : rel;
        return new ManifestSeal(signer == null ? null : base + ".p7s", signer == null ? null : SIGNER_CERT,
                signer == null ? null : signer.key().keyId(), tsa == null ? null : base + ".tsr",
                tsa == null ? null : tsa.url());
    }

    /** Signs and stamps the manifest written at {@code rel} as {@link #plan} said. */
    public SealOutcome seal(Path runDir, String rel, ManifestSeal plan) throws IOException, InterruptedException {
        byte[] manifest = Files.readAllBytes(runDir.resolve(rel));
        String keyId = null;
        String subject = null;
        if (signer != null && plan != null && plan.signature() != null) {
            Files.write(runDir.resolve(plan.signature()), signer.sign(manifest));
            Files.writeString(runDir.resolve(SIGNER_CERT), signer.key().certificatePem(), StandardCharsets.US_ASCII);
            keyId = signer.key().keyId();
            subject = signer.key().subject();
        }
        String unsigned = keyId == null ? (unsignedReason == null ? "未配置签名密钥" : unsignedReason) : null;
        if (tsa == null || plan == null || plan.timestamp() == null) {
            return new SealOutcome(rel, keyId, subject, unsigned, null, null, null, "未配置时间戳服务（evidence.tsa 或 --tsa）",
                    0);
        }
        writeTsaCertificate(runDir);
        TimestampClient.Answer answer = new TimestampClient(http, tsa, pause).stamp(Sha256.digest().digest(manifest));
        if (!answer.granted()) {
            return new SealOutcome(rel, keyId, subject, unsigned, null, null, tsa.url(), answer.problem(),
                    answer.attempts());
        }
        Files.write(runDir.resolve(plan.timestamp()), canonical(answer.response()));
        try {
            TimeStampToken token = new TimeStampResponse(answer.response()).getTimeStampToken();
            String at = ShanghaiTime.iso(token.getTimeStampInfo().getGenTime().toInstant());
            return new SealOutcome(rel, keyId, subject, unsigned, at, tsaName(token), tsa.url(), null,
                    answer.attempts());
        } catch (TSPException e) {
            throw new IllegalStateException("a token TimestampClient accepted does not parse", e);
        }
    }

    private void writeTsaCertificate(Path runDir) throws IOException {
        Path target = runDir.resolve(TSA_CERT);
        if (tsa.demoCertificate() != null) {
            Files.writeString(target, tsa.demoCertificate(), StandardCharsets.US_ASCII);
        } else if (tsa.caCert() != null) {
            Files.copy(tsa.caCert(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The TSA's response as it is stored: the token untouched, in a response of status granted without the TSA's
     * free-text status, all in DER. A token's response wrapper is covered by no signature, so verify can only tell a
     * changed byte there when the wrapper has one spelling; what the TSA said besides "granted" is not evidence.
     */
    static byte[] canonical(byte[] response) throws IOException {
        try {
            TimeStampToken token = new TimeStampResponse(response).getTimeStampToken();
            return new org.bouncycastle.asn1.tsp.TimeStampResp(new org.bouncycastle.asn1.cmp.PKIStatusInfo(
                    org.bouncycastle.asn1.cmp.PKIStatus.granted), token.toCMSSignedData().toASN1Structure())
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (TSPException e) {
            throw new IOException("a token TimestampClient accepted does not parse", e);
        }
    }

    /** The subject of the certificate in the token that matches its signer, or "未知" when the TSA sent none. */
    static String tsaName(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.isEmpty() ? "未知（应答中没有证书）" : matches.iterator().next().getSubject().toString();
    }

    /**
     * Writes {@code evidence-manifest.json} of every file so far (the evidence), signs and stamps it, and lists it and
     * its seal files for manifest.json.
     */
    public SealOutcome sealEvidence(EvidenceStore store) throws IOException, InterruptedException {
        SealOutcome outcome = sealManifest(store, EVIDENCE_MANIFEST);
        store.adopt(EVIDENCE_MANIFEST, RunManifests.MANIFEST_TYPE);
        ManifestSeal plan = plan(EVIDENCE_MANIFEST);
        if (plan != null) {
            for (String rel : new String[] {plan.signature(), plan.certificate(), plan.timestamp(), TSA_CERT}) {
                if (rel != null && Files.isRegularFile(store.runDir().resolve(rel))) {
                    store.adopt(rel, "seal");
                }
            }
        }
        return outcome;
    }

    /**
     * Writes manifest.json of every file of the run, signs and stamps it, and writes {@code seal.json} with both
     * outcomes.
     */
    public SealOutcome sealRun(EvidenceStore store, SealOutcome evidence) throws IOException, InterruptedException {
        SealOutcome outcome = sealManifest(store, EvidenceStore.MANIFEST);
        writeLog(store.runDir(), java.util.List.of(evidence, outcome));
        return outcome;
    }

    private SealOutcome sealManifest(EvidenceStore store, String rel) throws IOException, InterruptedException {
        ManifestSeal plan = plan(rel);
        store.writeManifest(rel, plan);
        return seal(store.runDir(), rel, plan);
    }

    /** What {@code seal.json} says, or nothing when the run has none or it does not parse. */
    public static java.util.List<SealOutcome> readLog(Path runDir) {
        Path log = runDir.resolve(SEAL_LOG);
        if (!Files.isRegularFile(log)) {
            return java.util.List.of();
        }
        try {
            return cn.xunjian.internal.Json.mapper().readValue(log.toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.List<SealOutcome>>() {
                    });
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** Writes {@code seal.json}: how each manifest was sealed, including a TSA's failure. */
    public static void writeLog(Path runDir, java.util.List<SealOutcome> outcomes) throws IOException {
        cn.xunjian.internal.Json.mapper().writeValue(runDir.resolve(SEAL_LOG).toFile(), outcomes);
    }

}

package cn.xunjian.evidence;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A run directory sealed as an audit seals one: a screenshot and a page source, a report, both manifests. */
final class SealedRun {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    static final String SCREENSHOT = "site-01/001-home.png";

    private SealedRun() {
    }

    /**
     * @param tsa the TSA to stamp with, or null for none
     */
    static SealOutcome write(Path run, Path keyDir, KeyAlgorithm algorithm, TsaConfig tsa)
            throws IOException, InterruptedException, EvidenceKeyException {
        EvidenceStore store = new EvidenceStore(run, CLOCK);
        SiteEvidence site = new SiteEvidence(store, "site-01");
        site.screenshot("home", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4}, "http://127.0.0.1/");
        site.html("home-source", "<html><body>临江县人民政府</body></html>", "http://127.0.0.1/");
        SigningKey key = new SigningKeys(keyDir, CLOCK).loadOrCreate(algorithm);
        try (HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            RunSealer sealer = new RunSealer(new ManifestSigner(key), null, tsa, http, wait -> { });
            SealOutcome evidence = sealer.sealEvidence(store);
            store.writeReport("report.json", out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
            sealer.sealRun(store, evidence);
            return evidence;
        }
    }
}

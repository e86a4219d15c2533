package cn.xunjian.evidence;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a run seals its evidence: where this installation's signing key is (created there on first use), with which
 * algorithm a new key is made, the TSA to ask for timestamps (null: none), and the NTP server the capture environment
 * measures this machine's clock against ({@code host[:port]}, null: none).
 */
public record EvidenceSettings(Path keyDir, KeyAlgorithm algorithm, TsaConfig tsa, String ntp) {
    public EvidenceSettings(Path keyDir, KeyAlgorithm algorithm, TsaConfig tsa) {
        this(keyDir, algorithm, tsa, null);
    }

    public static EvidenceSettings standard() {
        return new EvidenceSettings(SigningKeys.standardDir(), KeyAlgorithm.ED25519, null);
    }

    public EvidenceSettings withTsa(TsaConfig config) {
        return new EvidenceSettings(keyDir, algorithm, config, ntp);
    }

    public EvidenceSettings withKeyDir(Path dir) {
        return new EvidenceSettings(dir, algorithm, tsa, ntp);
    }

    /** The same settings measuring the clock against {@code server} ({@code --ntp}, {@code evidence.ntp}). */
    public EvidenceSettings withNtp(String server) {
        return new EvidenceSettings(keyDir, algorithm, tsa, server);
    }

    /**
     * The sealer of one run. A key that cannot be used (wrong permissions, unreadable) leaves the run unsigned with
     * the reason recorded; the command line refuses such a key before the audit starts.
     */
    public RunSealer sealer(HttpStack http, RetryPolicy.Pause pause, Clock clock) {
        try {
            SigningKey key = new SigningKeys(keyDir, clock).loadOrCreate(algorithm);
            return new RunSealer(new ManifestSigner(key), null, tsa, http, pause);
        } catch (EvidenceKeyException e) {
            return new RunSealer(null, e.getMessage(), tsa, http, pause);
        }
    }
}

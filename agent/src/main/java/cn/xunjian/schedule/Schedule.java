package cn.xunjian.schedule;

import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.net.ProxySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated schedule file: what {@code serve} runs and when. Cron expressions are Quartz's (seconds first) and
 * are read in {@link #zone()}, which is always Asia/Shanghai.
 *
 * @param file the schedule file itself
 * @param sites site files, resolved against the schedule file's folder
 * @param probes availability probe cadence
 * @param auditCron the full audit of every site (default {@code 0 0 2 * * ?})
 * @param circularCron the weekly batch 通报 over stored results
 * @param followUpCron follow-ups of submitted consultation messages
 * @param retention how long runs, evidence and probes are kept, and when the clean-up runs
 * @param database where Quartz and the results live
 * @param outputDir run directories ({@code runs/<id>/}), 通报 ({@code circulars/}) and the default H2 file
 * @param alerts webhooks, parsed and handed on to the alert module
 * @param cluster cluster settings (used with PostgreSQL)
 * @param threads worker threads for probes and other light jobs
 * @param auditsAtOnce audits (each with its own Chromium) one node runs at the same time
 * @param loopbackOnly only contact 127.0.0.1 / localhost (tests and the demo)
 * @param proxies the forward proxies of every request and of Chromium: {@code HTTP_PROXY} / {@code HTTPS_PROXY} /
 *                {@code NO_PROXY} from the environment, all URLs through the file's {@code proxy} when it names one
 * @param console where the web console listens and whether the 通报 waits for human review
 * @param evidence how each run's manifests are signed and timestamped ({@code evidence.tsa}, {@code
 *     evidence.keyAlgorithm})
 */
public record Schedule(Path file, List<Path> sites, Probes probes, String auditCron, String circularCron,
                       String followUpCron, Retention retention, ZoneId zone, DatabaseConfig database, Path outputDir,
                       List<AlertTarget> alerts, Cluster cluster, int threads, int auditsAtOnce,
                       boolean loopbackOnly, ProxySettings proxies, Console console, EvidenceSettings evidence) {
    public Schedule {
        evidence = evidence == null ? EvidenceSettings.standard() : evidence;
        sites = List.copyOf(sites);
        alerts = List.copyOf(alerts);
    }

    /**
     * Probe cadence.
     *
     * @param interval time between two HTTP probes of one site (default 1 h = 24 a day)
     * @param browserInterval time between two browser probes of one site; null disables them
     * @param timeout a probe that has not answered by then fails (default 15 s, the W-V2 threshold)
     */
    public record Probes(Duration interval, Duration browserInterval, Duration timeout) {
    }

    /** Keep runs, evidence and probes for {@code days}; clean up on {@code cron}. */
    public record Retention(int days, String cron) {
    }

    /** JDBC URL and credentials; the password may come from the environment variable {@code XUNJIAN_DB_PASSWORD}. */
    public record DatabaseConfig(String url, String user, String password) {
        @Override
        public String toString() {
            return "DatabaseConfig[url=" + url + ", user=" + user + "]";
        }
    }

    /**
     * One alert webhook.
     *
     * @param type {@code dingtalk}, {@code wecom} or {@code json}
     * @param secret the DingTalk robot's 加签 secret, or null
     */
    public record AlertTarget(String type, String url, String secret) {
        @Override
        public String toString() {
            return "AlertTarget[" + type + "]"; // the URL carries the robot's token
        }
    }

    /**
     * The web console.
     *
     * @param host the address it listens on (default 127.0.0.1)
     * @param port its port; 0 picks a free one (tests)
     * @param reviewBeforePublish 发布前需复核: the 通报 counts only findings a person has confirmed
     */
    public record Console(String host, int port, boolean reviewBeforePublish) {
    }

    /**
     * Cluster settings.
     *
     * @param instanceId Quartz instance id; {@code AUTO} (default) makes a unique one per process
     * @param checkinInterval how often a node checks in; a node silent for longer is taken as dead
     */
    public record Cluster(String instanceId, Duration checkinInterval) {
    }
}

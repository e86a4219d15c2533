package cn.xunjian.cli;

import cn.xunjian.audit.AuditServices;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.audit.Auditor;
import cn.xunjian.browser.BrowserUnavailableException;
import cn.xunjian.evidence.EvidenceKeyException;
import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.evidence.RunSealer;
import cn.xunjian.evidence.SealOutcome;
import cn.xunjian.evidence.SigningKey;
import cn.xunjian.evidence.SigningKeys;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.report.CircularSettings;
import cn.xunjian.report.CircularWriter;
import cn.xunjian.report.RectificationNotice;
import cn.xunjian.report.NewMediaAccounts;
import cn.xunjian.report.Report;
import cn.xunjian.report.ReportHtmlWriter;
import cn.xunjian.report.SiteReport;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.JsonFileSubmittedMessageStore;
import cn.xunjian.vision.OcrException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Runs an audit for a command and prints progress, the summary table and where the report is. */
final class AuditRun {
    private AuditRun() {
    }

    static Path defaultOut(Clock clock) {
        String home = System.getenv("XUNJIAN_HOME");
        Path base = home == null || home.isBlank() ? Path.of("screenshots") : Path.of(home, "screenshots");
        return base.resolve(ShanghaiTime.stamp(clock));
    }

    static int run(List<SiteFile> sites, Path out, NetworkScope scope, Integer timeoutSeconds, PrintWriter stdout,
                   PrintWriter stderr) {
        return run(sites, out, scope, timeoutSeconds, false, stdout, stderr);
    }

    /**
     * @param messagesInRunDir keep submitted test messages in the run directory rather than the local store (the
     *     demo's messages go to a server that is gone when the demo ends; no later run should look them up)
     */
    static int run(List<SiteFile> sites, Path out, NetworkScope scope, Integer timeoutSeconds, boolean messagesInRunDir,
                   PrintWriter stdout, PrintWriter stderr) {
        return run(sites, out, scope, timeoutSeconds, messagesInRunDir, false, stdout, stderr);
    }

    /**
     * @param offline {@code --offline}: links to other hosts than the sites' are not checked
     */
    static int run(List<SiteFile> sites, Path out, NetworkScope scope, Integer timeoutSeconds, boolean messagesInRunDir,
                   boolean offline, PrintWriter stdout, PrintWriter stderr) {
        return run(sites, out, scope, timeoutSeconds, messagesInRunDir, offline, ProxySettings.NONE,
                EvidenceSettings.standard(), CircularSettings.standard(), stdout, stderr);
    }

    /**
     * @param proxies how the HTTP stack and Chromium reach the sites
     * @param evidence the signing key's directory and algorithm and the TSA; a key that cannot be used is refused
     *     here, before anything is audited
     * @param circular who sends the 通报 and the 整改通知书 ({@code --circular FILE})
     */
    static int run(List<SiteFile> sites, Path out, NetworkScope scope, Integer timeoutSeconds, boolean messagesInRunDir,
                   boolean offline, ProxySettings proxies, EvidenceSettings evidence, CircularSettings circular,
                   PrintWriter stdout, PrintWriter stderr) {
        Clock clock = Clock.system(ShanghaiTime.ZONE);
        try {
            SigningKey key = new SigningKeys(evidence.keyDir(), clock).loadOrCreate(evidence.algorithm());
            stdout.println("签名密钥：" + key.keyId() + "（" + key.algorithm().configName() + "，"
                    + evidence.keyDir().resolve(SigningKeys.CERT_FILE) + "）");
        } catch (EvidenceKeyException e) {
            stderr.println("配置错误：" + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path runDir = (out == null ? defaultOut(clock) : out).toAbsolutePath().normalize();
        AuditServices services = messagesInRunDir
                ? new AuditServices(new JsonFileSubmittedMessageStore(runDir.resolve("submitted-messages.json")),
                        Optional.empty(), Optional.empty(), null)
                : AuditServices.standalone();
        AuditSettings settings = AuditSettings.standard(scope).withOffline(offline).withProxies(proxies)
                .withEvidence(evidence).withCircular(circular);
        if (timeoutSeconds != null) {
            settings = settings.withAvailabilityTimeout(timeoutSeconds);
        }
        try {
            TimingLine timing = TimingLine.standard();
            Report report = new Auditor(settings, clock, services).audit(sites, runDir, new Auditor.ProgressListener() {
                @Override
                public void siteStarted(int index, int total, SiteFile site) {
                    stdout.printf("[%d/%d] 正在检查 %s（%s）…%n", index, total, site.name(), site.url());
                }

                @Override
                public void siteFinished(SiteReport report) {
                    stdout.printf("      %s：%s%n", report.name(), report.verdict().label());
                    String line = timing.of(report.timings());
                    if (!line.isEmpty()) {
                        stdout.printf("      %s%n", line);
                    }
                }
            });
            List<NewMediaAccounts.Account> accounts = NewMediaAccounts.of(report);
            SummaryTable.print(report, accounts, stdout);
            stdout.println("报告：" + runDir.resolve(ReportHtmlWriter.FILE));
            stdout.println("通报：" + runDir.resolve(CircularWriter.DOCX) + "（另有 circular.pdf、circular.md、circular.html、findings.csv）");
            long notices = report.sites().stream().filter(s -> !s.passed()).count();
            if (notices > 0) {
                stdout.println("整改通知书：" + runDir.resolve(RectificationNotice.DIR) + "（" + notices + "份，DOCX 与 PDF）");
            }
            stdout.println("证据与清单：" + runDir.resolve("manifest.json"));
            long archives;
            try (var files = java.nio.file.Files.list(runDir)) {
                archives = files.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("archive.wacz"))).count();
            }
            if (archives > 0) {
                stdout.println("网页存档：" + archives + " 个（" + runDir.resolve("site-NN/archive.wacz")
                        + "，WACZ 格式，可用 ReplayWeb.page 离线回放）");
            }
            for (SealOutcome seal : RunSealer.readLog(runDir)) {
                stdout.println("  " + seal.manifest() + "：" + seal.describe());
            }
            stdout.println("核验：./xunjian verify " + runDir);
            return report.allPassed() && report.allAccountsPassed() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (BrowserUnavailableException | OcrException e) {
            stderr.println("运行环境不完整：" + e.getMessage());
            return ExitCodes.INTERNAL;
        } catch (IOException e) {
            stderr.println("无法写入输出目录 " + runDir + "：" + e.getMessage());
            return ExitCodes.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("巡检被中断");
            return ExitCodes.INTERNAL;
        }
    }
}

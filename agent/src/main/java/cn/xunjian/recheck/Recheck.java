package cn.xunjian.recheck;

import cn.xunjian.audit.AuditServices;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.audit.CheckKinds;
import cn.xunjian.audit.CheckRerun;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Finding;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import cn.xunjian.vision.TesseractOcrEngine;
import cn.xunjian.vision.ZxingQrDecoder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks one finding of an earlier run: runs only the check that produced it ({@link CheckKinds}) on only the
 * page it is about ({@link CheckRerun} says which unit each kind of check runs on), with the browser and HTTP stack
 * an audit uses, and says whether the finding is still there. The fresh evidence goes into a directory of its own
 * under the run, {@code <run>/rechecks/<findingId>/<UTC time>/}, with {@code recheck.json} (what was asked and what
 * came of it) and its own {@code manifest.json}; nothing of the original run is written to, and an earlier re-check
 * is never overwritten. The finding is present again when the check finds its id again; a failed availability probe
 * also when any probe of the home page fails again, whatever the reason now.
 */
public final class Recheck {
    private static final Logger LOG = LoggerFactory.getLogger(Recheck.class);
    /** The re-checks' directory inside a run. */
    public static final String DIR = "rechecks";
    /** What a re-check was asked and what it came to, in its directory. */
    public static final String FILE = "recheck.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String CRAWL = "crawl";
    private static final String BROKEN_LINK = "link.broken";
    private static final String AVAILABILITY = "availability";
    private static final String UNAVAILABLE = "availability.failed";

    private final AuditSettings settings;
    private final Clock clock;
    private final CheckKinds kinds;
    private final CheckRerun rerun;

    /** With Tesseract, ZXing and the local message store, as {@code xunjian audit} has them. */
    public Recheck(AuditSettings settings, Clock clock) {
        this(settings, clock, new TesseractOcrEngine(), new ZxingQrDecoder(), AuditServices.standalone());
    }

    public Recheck(AuditSettings settings, Clock clock, OcrEngine ocr, QrDecoder qr, AuditServices services) {
        this.settings = settings;
        this.clock = clock;
        this.kinds = CheckKinds.standard();
        this.rerun = new CheckRerun(settings, clock, ocr, qr, services);
    }

    /** The settings it runs with. */
    public AuditSettings settings() {
        return settings;
    }

    /**
     * Re-checks {@code finding} of {@code site} from the run in {@code originalRunDir}.
     *
     * @throws IOException when the re-check's directory or files cannot be written
     */
    public RecheckResult run(SiteFile site, FindingRef finding, Path originalRunDir)
            throws IOException, InterruptedException {
        Path dir = newDirectory(originalRunDir.resolve(DIR).resolve(finding.id()));
        EvidenceStore store = new EvidenceStore(dir, clock);
        List<String> producers = kinds.producers(finding.kind());
        String check = producers.isEmpty() ? "" : producers.get(0); // a shared kind: its first check, see the data
        CheckRerun.Result result;
        if (check.isEmpty()) {
            result = new CheckRerun.NotRun("不认识的问题类型“" + finding.kind() + "”，不知道由哪项检查复验");
        } else {
            try {
                SiteEvidence evidence = new SiteEvidence(store, "site");
                result = check.equals(CRAWL) && finding.kind().equals(BROKEN_LINK)
                        ? rerun.rerunLink(site, finding.url(), finding.foundOn(), evidence)
                        : rerun.rerun(site, check, finding.url(), evidence);
            } catch (RuntimeException e) {
                LOG.warn("re-check of {} on {} failed", finding.id(), finding.url(), e);
                result = new CheckRerun.NotRun("复验过程出错：" + e);
            }
        }
        RecheckResult outcome = judge(finding, check, result, dir);
        Record record = new Record(finding, check, ShanghaiTime.iso(clock), outcome.outcome(), outcome.reason(),
                result instanceof CheckRerun.Ran ran ? ran.page() : finding.url(),
                result instanceof CheckRerun.Ran ran ? ran.result() : null, outcome.freshFindings());
        store.writeReport(FILE, out -> Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, record));
        store.writeManifest();
        return outcome;
    }

    private static RecheckResult judge(FindingRef finding, String check, CheckRerun.Result result, Path dir) {
        if (result instanceof CheckRerun.NotRun notRun) {
            return new RecheckResult(Outcome.UNDETERMINED, notRun.reason(), dir, List.of());
        }
        CheckRerun.Ran ran = (CheckRerun.Ran) result;
        // a failed probe's identity holds its reason: a site down for another reason now is still down
        boolean sameKindCounts = check.equals(AVAILABILITY) && finding.kind().equals(UNAVAILABLE);
        return ran.findings().stream().filter(f -> finding.id().equals(f.id())
                        || sameKindCounts && f.kind().equals(UNAVAILABLE)).findFirst()
                .map(f -> new RecheckResult(Outcome.PRESENT, "复验再次发现该问题：" + f.message(), dir, ran.findings()))
                .orElseGet(() -> new RecheckResult(Outcome.GONE, "检查（" + check + "）在 " + ran.page()
                        + " 上完整运行，未再发现该问题", dir, ran.findings()));
    }

    /** A directory named for now that no earlier re-check has; a second one within the same second gets a suffix. */
    private Path newDirectory(Path parent) throws IOException {
        Files.createDirectories(parent);
        String stamp = STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? stamp : stamp + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken by an earlier re-check: never write into it
            }
        }
    }

    /**
     * The content of recheck.json.
     *
     * @param check the check run again, as report.json names it
     * @param page the page it ran on
     * @param result its outcome; null when it could not run
     */
    record Record(FindingRef finding, String check, String checkedAt, Outcome outcome, String reason, String page,
                  CheckResult result, List<Finding> findings) {
    }
}

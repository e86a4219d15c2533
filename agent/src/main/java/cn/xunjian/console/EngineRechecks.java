package cn.xunjian.console;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.console.review.RecheckRequest;
import cn.xunjian.console.review.RecheckResult;
import cn.xunjian.console.review.RecheckRunner;
import cn.xunjian.recheck.FindingRef;
import cn.xunjian.recheck.Outcome;
import cn.xunjian.recheck.Recheck;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.schedule.SiteRegistry;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The console's re-checks done by the re-check engine ({@link Recheck}): the finding is looked up in the latest
 * completed run of its site, only the check that produced it runs again on only its page, and the fresh evidence is
 * written beside that run's ({@code rechecks/<id>/<time>/}).
 */
public final class EngineRechecks implements RecheckRunner {
    private final Function<String, Optional<SiteFile>> sitesByUrl;
    private final JdbcResultStore results;
    private final Recheck engine;

    public EngineRechecks(Map<String, SiteFile> sitesByUrl, JdbcResultStore results, AuditSettings settings,
                          Clock clock) {
        this(Map.copyOf(sitesByUrl)::get, results, settings, clock);
    }

    /** Over the daemon's sites, read again for every re-check: a site saved in the console is found at once. */
    public EngineRechecks(SiteRegistry sites, JdbcResultStore results, AuditSettings settings, Clock clock) {
        this((Function<String, SiteFile>) url -> sites.byUrl(url).map(ScheduledSite::site).orElse(null), results,
                settings, clock);
    }

    private EngineRechecks(Function<String, SiteFile> sitesByUrl, JdbcResultStore results, AuditSettings settings,
                           Clock clock) {
        this.sitesByUrl = url -> Optional.ofNullable(sitesByUrl.apply(url));
        this.results = results;
        this.engine = new Recheck(settings, clock);
    }

    @Override
    public RecheckResult recheck(RecheckRequest request) throws Exception {
        String siteUrl = request.finding().siteUrl();
        SiteFile site = sitesByUrl.apply(siteUrl).orElse(null);
        if (site == null) {
            return undetermined("计划文件和控制台中都已没有网站 " + siteUrl);
        }
        StoredRun run = results.latestCompleted(siteUrl).orElse(null);
        if (run == null) {
            return undetermined("网站 " + site.name() + " 还没有完成的巡检");
        }
        FindingRef finding = FindingRef.fromRun(run.runDir(), site, request.finding().findingId());
        cn.xunjian.recheck.RecheckResult r = engine.run(site, finding, run.runDir());
        return new RecheckResult(outcome(r.outcome()), files(run.runDir(), r.evidenceDir()), r.outcome().label() + "：" + r.reason());
    }

    private static RecheckResult undetermined(String why) {
        return new RecheckResult(RecheckResult.Outcome.UNDETERMINED, List.of(), why);
    }

    private static RecheckResult.Outcome outcome(Outcome o) {
        return switch (o) {
            case PRESENT -> RecheckResult.Outcome.PRESENT;
            case GONE -> RecheckResult.Outcome.GONE;
            case UNDETERMINED -> RecheckResult.Outcome.UNDETERMINED;
        };
    }

    /** The fresh files, relative to the run they sit in (the history shows where they are). */
    private static List<String> files(Path runDir, Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(f -> runDir.relativize(f).toString()).sorted().toList();
        }
    }
}

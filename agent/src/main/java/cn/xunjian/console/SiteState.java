package cn.xunjian.console;

import cn.xunjian.console.review.Review;
import cn.xunjian.console.review.ReviewStatus;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Account;
import cn.xunjian.report.SiteReport;
import cn.xunjian.score.CountedFindings;
import cn.xunjian.score.Judgement;
import cn.xunjian.score.Scorer;
import cn.xunjian.store.jdbc.StoredRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A site as the console shows it: its latest completed run, each finding with its review, and the verdict judged
 * again over the findings that count (those marked 误报 do not).
 */
record SiteState(ConsoleSite site, Optional<StoredRun> run, List<Finding> findings, Map<String, Review> reviews,
                 Set<String> counted, Judgement judgement) {

    static SiteState of(ConsoleServices s, ConsoleSite site) {
        Optional<StoredRun> run = s.results().latestCompleted(site.url());
        List<Finding> findings = run.map(r -> s.results().findings(r.id())).orElse(List.of());
        Map<String, Review> reviews = s.reviews().forSite(site.url());
        List<Finding> counted = CountedFindings.of(site.url(), findings, s.findingReviews(), false);
        Judgement j = new Scorer(s.catalogue()).judge(counted);
        return new SiteState(site, run, findings, reviews,
                counted.stream().map(Finding::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet()), j);
    }

    Review review(Finding f) {
        return f.id() == null ? Review.pending("") : reviews.getOrDefault(f.id(), Review.pending(f.id()));
    }

    boolean counts(Finding f) {
        return f.id() == null || counted.contains(f.id());
    }

    long dismissed() {
        return findings.stream().filter(f -> review(f).status() == ReviewStatus.DISMISSED).count();
    }

    long pending() {
        return findings.stream().filter(f -> review(f).status() == ReviewStatus.PENDING).count();
    }

    long open() {
        return findings.stream().filter(this::counts).filter(f -> f.severity() != cn.xunjian.model.Severity.INFO).count();
    }

    /** The run as the 通报 counts it (with 发布前需复核: only confirmed findings). */
    Optional<SiteReport> report(ConsoleServices s, boolean confirmedOnly) {
        return run.map(r -> {
            List<Finding> c = CountedFindings.of(site.url(), findings, s.findingReviews(), confirmedOnly);
            Scorer scorer = new Scorer(s.catalogue());
            Judgement j = scorer.judge(c);
            List<AccountVerdict> accounts = scorer.judgeAccounts(s.results().accounts(r.id()).stream()
                    .map(a -> new Account(a.name(), a.platform(), a.url())).toList(), c);
            return new SiteReport(r.siteName(), r.siteCode(), r.siteUrl(), j.verdict(), j.score(), c, List.of(),
                    accounts);
        });
    }
}

package cn.xunjian.check;

import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the page checks on every crawled page of one site. A check that throws on a page is skipped for that page
 * only; each check's failures are summed up in one informational finding at the end, not one per page, with the
 * source of the first page it failed on as evidence.
 */
public final class PageCheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PageCheckRunner.class);

    private final List<PageCheck> checks;
    private final PageContext context;
    private final Map<PageCheck, Failure> failures = new LinkedHashMap<>();
    private final Map<PageCheck, Boolean> foundProblem = new LinkedHashMap<>();

    public PageCheckRunner(List<PageCheck> checks, PageContext context) {
        this.checks = List.copyOf(checks);
        this.context = context;
    }

    /** The findings of every check on {@code page}. */
    public List<Finding> run(SitePage page) {
        List<Finding> findings = new ArrayList<>();
        for (PageCheck check : checks) {
            try {
                List<Finding> found = check.check(page, context);
                findings.addAll(found);
                if (found.stream().anyMatch(f -> f.severity() != Severity.INFO)) {
                    foundProblem.put(check, true);
                }
            } catch (Exception | LinkageError e) {
                LOG.warn("page check {} failed on {}: {}", check.name(), page.url(), e.toString());
                Failure first = failures.get(check);
                failures.put(check, first == null ? new Failure(page.url(), e.toString(), 1, evidence(check, page))
                        : new Failure(first.url(), first.error(), first.pages() + 1, first.evidence()));
            }
        }
        return findings;
    }

    /** One informational finding per check that failed on some pages. */
    public List<Finding> errors() {
        List<Finding> findings = new ArrayList<>();
        failures.forEach((check, f) -> findings.add(new Finding(check.indicator(), check.name() + ".errored",
                Severity.INFO, f.url(), describe(check, f), f.evidence())));
        return findings;
    }

    /** What each page check came to over the whole crawl, in registration order. */
    public List<CheckResult> results() {
        List<CheckResult> results = new ArrayList<>();
        for (PageCheck check : checks) {
            Failure f = failures.get(check);
            if (f != null) {
                results.add(CheckResult.errored(check.name(), describe(check, f), f.evidence()));
            } else if (foundProblem.getOrDefault(check, false)) {
                results.add(CheckResult.failed(check.name()));
            } else {
                results.add(CheckResult.passed(check.name()));
            }
        }
        return results;
    }

    private static String describe(PageCheck check, Failure f) {
        return String.format(Locale.ROOT, "检查（%s）在 %d 个页面上未能完成，首个错误：%s", check.name(), f.pages(),
                f.error());
    }

    /** The source of the first page a check failed on. */
    private List<Evidence> evidence(PageCheck check, SitePage page) {
        if (context.evidence() == null) {
            return List.of();
        }
        return List.of(context.evidence().html(check.name() + "-errored", page.html(), page.url()));
    }

    private record Failure(String url, String error, int pages, List<Evidence> evidence) {
    }
}

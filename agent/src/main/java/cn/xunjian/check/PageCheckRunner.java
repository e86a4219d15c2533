package cn.xunjian.check;

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
 * only; each check's failures are summed up in one informational finding at the end, not one per page.
 */
public final class PageCheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PageCheckRunner.class);

    private final List<PageCheck> checks;
    private final PageContext context;
    private final Map<PageCheck, Failure> failures = new LinkedHashMap<>();

    public PageCheckRunner(List<PageCheck> checks, PageContext context) {
        this.checks = List.copyOf(checks);
        this.context = context;
    }

    /** The findings of every check on {@code page}. */
    public List<Finding> run(SitePage page) {
        List<Finding> findings = new ArrayList<>();
        for (PageCheck check : checks) {
            try {
                findings.addAll(check.check(page, context));
            } catch (Exception | LinkageError e) {
                LOG.warn("page check {} failed on {}: {}", check.name(), page.url(), e.toString());
                failures.merge(check, new Failure(page.url(), e.toString(), 1),
                        (a, b) -> new Failure(a.firstUrl(), a.firstError(), a.pages() + 1));
            }
        }
        return findings;
    }

    /** One informational finding per check that failed on some pages. */
    public List<Finding> errors() {
        List<Finding> findings = new ArrayList<>();
        failures.forEach((check, f) -> findings.add(new Finding(check.indicator(), check.name() + ".errored",
                Severity.INFO, f.firstUrl(), String.format(Locale.ROOT, "检查（%s）在 %d 个页面上未能完成，首个错误：%s",
                        check.name(), f.pages(), f.firstError()), List.of())));
        return findings;
    }

    private record Failure(String firstUrl, String firstError, int pages) {
    }
}

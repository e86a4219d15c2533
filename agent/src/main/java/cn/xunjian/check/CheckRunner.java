package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs checks one after another; one failing check never stops the others. */
public final class CheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

    public List<CheckOutcome> run(List<Check> checks, CheckContext context) throws InterruptedException {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Check check : checks) {
            outcomes.add(runOne(check, context));
        }
        return outcomes;
    }

    /** Runs one whole-site check, isolated like the page checks. */
    public CheckOutcome runSiteCheck(SiteCheck check, SiteContext context) throws InterruptedException {
        try {
            List<Finding> findings = check.run(context);
            return findings.isEmpty() ? new CheckOutcome.Passed(check.name())
                    : new CheckOutcome.Failed(check.name(), findings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception | LinkageError e) {
            LOG.warn("site check {} failed on {}: {}", check.name(), context.site().url(), e.toString());
            return new CheckOutcome.Errored(check.name(), new Finding(check.indicator(), check.name() + ".errored",
                    Severity.INFO, context.site().url(), "检查未能完成（" + check.name() + "）：" + e, List.of()));
        }
    }

    CheckOutcome runOne(Check check, CheckContext context) throws InterruptedException {
        try {
            List<Finding> findings = check.run(context);
            return findings.isEmpty() ? new CheckOutcome.Passed(check.name())
                    : new CheckOutcome.Failed(check.name(), findings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception | LinkageError e) {
            LOG.warn("check {} failed on {}: {}", check.name(), context.site().url(), e.toString());
            String url = context.page() == null ? context.site().url() : context.page().url();
            return new CheckOutcome.Errored(check.name(), new Finding(check.indicator(), check.name() + ".errored",
                    Severity.INFO, url, "检查未能完成（" + check.name() + "）：" + e, List.of()));
        }
    }
}

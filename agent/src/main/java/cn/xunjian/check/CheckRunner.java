package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check and says what it came to; one failing check never stops the others. A check that throws is
 * errored: its outcome carries the error and a screenshot and source of the page in hand, and an informational
 * finding tells the reader of the report that it did not complete.
 */
public final class CheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

    /** What running a check came to: its outcome and its findings. */
    public record Ran(CheckResult result, List<Finding> findings) {
        public Ran {
            findings = List.copyOf(findings);
        }
    }

    /** The body of a check. */
    @FunctionalInterface
    interface Body {
        List<Finding> run() throws Exception;
    }

    public Ran run(HomePageCheck check, CheckContext context) throws InterruptedException {
        return run(check, context.page(), context.evidence(), context.page().url(), () -> check.run(context));
    }

    public Ran run(SiteCheck check, SiteContext context) throws InterruptedException {
        return run(check, context.home(), context.evidence(), context.site().url(), () -> check.run(context));
    }

    Ran run(Check check, AuditPage page, SiteEvidence evidence, String url, Body body) throws InterruptedException {
        try {
            return outcome(check.name(), body.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception | LinkageError e) {
            LOG.warn("check {} failed on {}", check.name(), url, e);
            List<Evidence> proof = errorEvidence(check.name(), page, evidence, url);
            return new Ran(CheckResult.errored(check.name(), e.toString(), proof),
                    List.of(new Finding(check.indicator(), check.name() + ".errored", Severity.INFO, url,
                            "检查未能完成（" + check.name() + "）：" + e, proof)));
        }
    }

    /** Passed when the check found nothing but information, failed when it found a problem. */
    public static Ran outcome(String check, List<Finding> findings) {
        boolean problem = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
        return new Ran(problem ? CheckResult.failed(check) : CheckResult.passed(check), findings);
    }

    /** A screenshot and the source of the page as it stood when the check threw; none when that fails too. */
    static List<Evidence> errorEvidence(String check, AuditPage page, SiteEvidence evidence, String url) {
        List<Evidence> proof = new ArrayList<>();
        if (page == null || evidence == null) {
            return proof;
        }
        try {
            proof.add(evidence.screenshot(check + "-errored", page.screenshot(), url));
            proof.add(evidence.html(check + "-errored", page.html(), url));
        } catch (RuntimeException e) {
            LOG.debug("no evidence for the error of {} on {}: {}", check, url, e.toString());
        }
        return proof;
    }
}

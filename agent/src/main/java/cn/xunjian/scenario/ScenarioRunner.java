package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.OcrException;
import cn.xunjian.vision.QrDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario step by step; each step does itself ({@link Step#perform}). A step that fails (nothing matched, a
 * timeout, an expectation not met) gets a screenshot and the DOM as evidence, and the remaining steps are skipped;
 * the run returns a result and never throws for a page problem. Secrets are masked in everything the result holds.
 */
final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private final PageOpener pages;
    private final SiteEvidence evidence;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final Function<String, String> env;
    private final EngineSettings settings;

    /**
     * @param env how {@code ${env:NAME}} is read; {@code System::getenv} in production
     */
    public ScenarioRunner(PageOpener pages, SiteEvidence evidence, OcrEngine ocr, QrDecoder qr,
                          Function<String, String> env, EngineSettings settings) {
        this.pages = pages;
        this.evidence = evidence;
        this.ocr = ocr;
        this.qr = qr;
        this.env = env;
        this.settings = settings;
    }

    /**
     * Runs {@code scenario} in a fresh desktop page.
     *
     * @param builtins variables every scenario may use (e.g. {@code site.url}); scenario variables override them
     */
    public ScenarioResult run(Scenario scenario, Map<String, String> builtins) {
        Secrets secrets = new Secrets(settings.secretMask());
        Variables vars = new Variables(env, secrets);
        builtins.forEach(vars::define);
        StepRun run = new StepRun(pages, evidence, ocr, qr, vars, secrets);
        List<StepResult> results = new ArrayList<>();
        long start = System.nanoTime();
        String startUrl = "";
        boolean failed = false;
        try {
            scenario.variables().forEach(vars::define);
        } catch (StepFailure e) {
            failed = true;
            results.add(new StepResult(0, "variables", 0, "准备变量", StepResult.Status.FAILED, 0,
                    secrets.mask(e.getMessage()), List.of()));
        }
        if (!failed) {
            run.open(DeviceProfile.DESKTOP);
            for (int i = 0; i < scenario.steps().size(); i++) {
                Step step = scenario.steps().get(i);
                if (failed) {
                    results.add(new StepResult(i + 1, step.action(), step.line(), step.describe(),
                            StepResult.Status.SKIPPED, 0, "", List.of()));
                    continue;
                }
                StepResult result = execute(scenario, run, secrets, i + 1, step);
                results.add(result);
                failed = result.status() == StepResult.Status.FAILED;
                if (startUrl.isEmpty() && run.page() != null && run.page().url().startsWith("http")) {
                    startUrl = secrets.mask(run.page().url());
                }
            }
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String finalUrl = run.page() == null ? "" : secrets.mask(run.page().url());
        boolean passed = results.stream().noneMatch(r -> r.status() == StepResult.Status.FAILED);
        return new ScenarioResult(scenario.name(), scenario.file().getFileName().toString(), passed, startUrl,
                finalUrl, ms, results, vars.extractedMasked(), run.evidence());
    }

    private static StepResult execute(Scenario scenario, StepRun run, Secrets secrets, int index, Step step) {
        run.begin(index, step.timeout() != null ? step.timeout() : scenario.timeout());
        long start = System.nanoTime();
        String detail;
        StepResult.Status status;
        try {
            detail = step.perform(run);
            status = StepResult.Status.PASSED;
        } catch (StepFailure | PageActionException e) {
            detail = e.getMessage();
            status = StepResult.Status.FAILED;
        } catch (OcrException e) {
            detail = "文字识别无法运行：" + e.getMessage();
            status = StepResult.Status.FAILED;
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        detail = secrets.mask(detail);
        if (status == StepResult.Status.FAILED) {
            run.keepFailureEvidence();
            LOG.info("scenario {} step {} ({}) failed: {}", scenario.name(), index, step.action(), detail);
        }
        return new StepResult(index, step.action(), step.line(), step.describe(), status, ms, detail,
                run.stepEvidence());
    }
}

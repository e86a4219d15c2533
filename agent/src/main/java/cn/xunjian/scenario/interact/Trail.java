package cn.xunjian.scenario.interact;

import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.scenario.ScenarioResult;
import cn.xunjian.scenario.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The step log of an interactive check, in the same shape as a scenario's ({@link ScenarioResult}), so that
 * every verdict carries step-by-step evidence.
 */
final class Trail {
    private final String name;
    private final SiteEvidence evidence;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<Evidence> files = new ArrayList<>();
    private final long started = System.nanoTime();
    private long stepStarted = System.nanoTime();
    private String startUrl = "";
    private String lastUrl = "";

    Trail(String name, SiteEvidence evidence) {
        this.name = name;
        this.evidence = evidence;
    }

    /** Marks the start of the next step (for its duration). */
    void begin() {
        stepStarted = System.nanoTime();
    }

    void pass(String action, String description, String detail, String url, Evidence... kept) {
        add(action, description, StepResult.Status.PASSED, detail, url, kept);
    }

    /** A step not taken, and why (a page outside the network scope, a form behind a login). */
    void skip(String action, String description, String detail, String url, Evidence... kept) {
        add(action, description, StepResult.Status.SKIPPED, detail, url, kept);
    }

    void fail(String action, String description, String detail, String url, Evidence... kept) {
        add(action, description, StepResult.Status.FAILED, detail, url, kept);
    }

    private void add(String action, String description, StepResult.Status status, String detail, String url,
                     Evidence... kept) {
        long ms = Duration.ofNanos(System.nanoTime() - stepStarted).toMillis();
        List<String> paths = new ArrayList<>();
        for (Evidence e : kept) {
            if (e != null) {
                files.add(e);
                paths.add(e.path());
            }
        }
        if (url != null && !url.isEmpty()) {
            if (startUrl.isEmpty()) {
                startUrl = url;
            }
            lastUrl = url;
        }
        steps.add(new StepResult(steps.size() + 1, action, 0, description, status, ms, detail, paths));
        stepStarted = System.nanoTime();
    }

    boolean failed() {
        return steps.stream().anyMatch(s -> s.status() == StepResult.Status.FAILED);
    }

    /** Saves the step log and returns it first, then every file the steps kept. */
    List<Evidence> evidence(Map<String, String> extracted) {
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        ScenarioResult log = new ScenarioResult(name, "(内置检查)", !failed(), startUrl, lastUrl, ms, steps,
                extracted, files);
        List<Evidence> all = new ArrayList<>();
        all.add(evidence.json("http", "steps-" + name, log, lastUrl));
        all.addAll(files);
        return all;
    }
}

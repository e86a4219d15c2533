package cn.xunjian.scenario;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.internal.ShanghaiTime;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the scenarios a site file lists. Each scenario becomes one finding: {@code scenario.passed} (info) or
 * {@code scenario.failed} (the scenario's {@code onFailure} severity, against its indicator). Either way the
 * finding's first evidence is the step log, an {@code http}-type JSON file with every step's status, duration and
 * detail; a failure adds the screenshot and DOM of the failed step, and screenshots, OCR and QR files the steps
 * took follow. The finding message names the failed step, its line and why. Built-in variables:
 * {@code ${site.url}}, {@code ${site.origin}}, {@code ${site.name}}, {@code ${today}}.
 */
public final class ScenarioCheck implements SiteCheck {
    private final ScenarioLoader loader;
    private final ScenarioPaths paths;
    private final Function<String, String> env;
    private final EngineSettings settings;

    public ScenarioCheck() {
        this(new ScenarioLoader(), ScenarioPaths.standard(null), System::getenv, EngineSettings.standard());
    }

    public ScenarioCheck(ScenarioLoader loader, ScenarioPaths paths, Function<String, String> env,
                         EngineSettings settings) {
        this.loader = loader;
        this.paths = paths;
        this.env = env;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "scenario";
    }

    @Override
    public String indicator() {
        return "W-V5";
    }

    @Override
    public List<Finding> run(SiteContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String ref : context.site().scenarios()) {
            Optional<Path> file = paths.resolve(ref);
            if (file.isEmpty()) {
                findings.add(new Finding(indicator(), "scenario.invalid", Severity.INFO, context.site().url(),
                        "场景文件未找到，未执行：" + ref, List.of()));
                continue;
            }
            Scenario scenario;
            try {
                scenario = loader.load(file.get());
            } catch (ScenarioFileException e) {
                findings.add(new Finding(indicator(), "scenario.invalid", Severity.INFO, context.site().url(),
                        "场景文件有误，未执行：" + e.getMessage(), List.of()));
                continue;
            }
            findings.add(run(scenario, context));
        }
        return findings;
    }

    /** Runs one scenario against the site of {@code context} and turns the result into its finding. */
    public Finding run(Scenario scenario, SiteContext context) {
        ScenarioResult result;
        try (BrowserPages pages = new BrowserPages(context.browser())) {
            result = new ScenarioRunner(pages, context.evidence(), context.ocr(), context.qr(), env, settings)
                    .run(scenario, builtins(context));
        }
        return finding(scenario, result, context);
    }

    static Map<String, String> builtins(SiteContext context) {
        Map<String, String> vars = new LinkedHashMap<>();
        String url = context.site().url();
        vars.put("site.url", url);
        URI uri = URI.create(url);
        vars.put("site.origin", uri.getScheme() + "://" + uri.getRawAuthority());
        vars.put("site.name", context.site().name());
        vars.put("today", LocalDate.now(context.clock().withZone(ShanghaiTime.ZONE)).toString());
        return vars;
    }

    static Finding finding(Scenario scenario, ScenarioResult result, SiteContext context) {
        List<Evidence> evidence = new ArrayList<>();
        String url = result.finalUrl().isEmpty() ? context.site().url() : result.finalUrl();
        evidence.add(context.evidence().json("http", "scenario-steps", result, url));
        evidence.addAll(result.evidence());
        long passed = result.steps().stream().filter(s -> s.status() == StepResult.Status.PASSED).count();
        if (result.passed()) {
            return new Finding(scenario.indicator(), "scenario.passed", Severity.INFO, url,
                    String.format(Locale.ROOT, "场景「%s」%d 步全部通过（用时 %.1f 秒）", scenario.name(),
                            passed, result.durationMs() / 1000.0), evidence);
        }
        StepResult failed = result.failedStep().orElseThrow();
        long skipped = result.steps().stream().filter(s -> s.status() == StepResult.Status.SKIPPED).count();
        String message = String.format(Locale.ROOT, "场景「%s」第 %d 步（%s，%s 第 %d 行）失败：%s；前 %d 步通过，其余 %d 步未执行",
                scenario.name(), failed.step(), failed.description(), scenario.file().getFileName(), failed.line(),
                failed.detail(), passed, skipped);
        return new Finding(scenario.indicator(), "scenario.failed", scenario.onFailure(), url, message, evidence);
    }
}

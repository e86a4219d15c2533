package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.vision.ImageScaling;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.OcrException;
import cn.xunjian.vision.QrDecoder;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario step by step. A step that fails (nothing matched, a timeout, an expectation not met) gets a
 * screenshot and the DOM as evidence, and the remaining steps are skipped; the run returns a result and never
 * throws for a page problem. Secrets are masked in everything the result holds.
 */
public final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final long POLL_MS = 150;

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
        Run run = new Run(scenario, vars, secrets);
        long start = System.nanoTime();
        String startUrl = "";
        try {
            scenario.variables().forEach(vars::define);
        } catch (StepFailure e) {
            run.failBeforeSteps(e.getMessage());
        }
        if (!run.stopped) {
            run.page = pages.open(DeviceProfile.DESKTOP);
            for (int i = 0; i < scenario.steps().size(); i++) {
                Step step = scenario.steps().get(i);
                if (run.stopped) {
                    run.results.add(new StepResult(i + 1, step.action(), step.line(), step.describe(),
                            StepResult.Status.SKIPPED, 0, "", List.of()));
                    continue;
                }
                run.execute(i + 1, step);
                if (startUrl.isEmpty() && run.page != null && run.page.url().startsWith("http")) {
                    startUrl = secrets.mask(run.page.url());
                }
            }
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String finalUrl = run.page == null ? "" : secrets.mask(run.page.url());
        return new ScenarioResult(scenario.name(), scenario.file().getFileName().toString(), !run.failed, startUrl,
                finalUrl, ms, run.results, vars.extractedMasked(), run.evidence);
    }

    /** The state of one run. */
    private final class Run {
        private final Scenario scenario;
        private final Variables vars;
        private final Secrets secrets;
        private final List<StepResult> results = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private ScenarioPage page;
        private boolean stopped;
        private boolean failed;

        Run(Scenario scenario, Variables vars, Secrets secrets) {
            this.scenario = scenario;
            this.vars = vars;
            this.secrets = secrets;
        }

        void failBeforeSteps(String why) {
            stopped = true;
            failed = true;
            results.add(new StepResult(0, "variables", 0, "准备变量", StepResult.Status.FAILED, 0,
                    secrets.mask(why), List.of()));
        }

        void execute(int index, Step step) {
            Duration timeout = step.timeout() != null ? step.timeout() : scenario.timeout();
            List<String> stepEvidence = new ArrayList<>();
            long start = System.nanoTime();
            String detail;
            StepResult.Status status;
            try {
                detail = perform(index, step, timeout, stepEvidence);
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
                stopped = true;
                failed = true;
                keepFailureEvidence(index, stepEvidence);
                LOG.info("scenario {} step {} ({}) failed: {}", scenario.name(), index, step.action(), detail);
            }
            results.add(new StepResult(index, step.action(), step.line(), step.describe(), status, ms, detail,
                    stepEvidence));
        }

        private void keepFailureEvidence(int index, List<String> stepEvidence) {
            if (page == null) {
                return;
            }
            String base = String.format(Locale.ROOT, "scenario-step%02d-failed", index);
            String url = secrets.mask(page.url());
            try {
                Evidence shot = ScenarioRunner.this.evidence.screenshot(base, page.screenshot(), url);
                evidence.add(shot);
                stepEvidence.add(shot.path());
            } catch (RuntimeException e) {
                LOG.debug("no failure screenshot: {}", e.toString());
            }
            try {
                Evidence dom = ScenarioRunner.this.evidence.html(base, secrets.mask(page.html()), url);
                evidence.add(dom);
                stepEvidence.add(dom.path());
            } catch (RuntimeException e) {
                LOG.debug("no failure DOM: {}", e.toString());
            }
        }

        /** Does the step; returns a detail for the log or throws a failure. */
        private String perform(int index, Step step, Duration t, List<String> stepEvidence) {
            if (step instanceof Step.Goto s) {
                int status = page.navigate(vars.resolve(s.url()), t);
                if (status >= 400) {
                    throw new StepFailure("页面返回 HTTP " + status);
                }
                return "HTTP " + status;
            } else if (step instanceof Step.Click s) {
                page.click(target(s.target()), t);
                return "";
            } else if (step instanceof Step.Fill s) {
                page.fill(target(s.target()), vars.resolve(s.value()), vars.usesSecret(s.value()), t);
                return "";
            } else if (step instanceof Step.Select s) {
                page.select(target(s.target()), vars.resolve(s.option()), t);
                return "";
            } else if (step instanceof Step.Check s) {
                page.check(target(s.target()), s.checked(), t);
                return "";
            } else if (step instanceof Step.Press s) {
                page.press(s.target() == null ? null : target(s.target()), s.key(), t);
                return "";
            } else if (step instanceof Step.Upload s) {
                page.upload(target(s.target()), s.file(), t);
                return "";
            } else if (step instanceof Step.WaitFor s) {
                page.waitFor(target(s.target()), s.state(), t);
                return "";
            } else if (step instanceof Step.ExpectText s) {
                return expectText(s, t);
            } else if (step instanceof Step.ExpectVisible s) {
                page.waitFor(target(s.target()), "visible", t);
                return "";
            } else if (step instanceof Step.ExpectUrl s) {
                return expectUrl(s, t);
            } else if (step instanceof Step.Screenshot s) {
                byte[] png = s.target() == null ? page.screenshot() : page.screenshot(target(s.target()), t);
                Evidence e = ScenarioRunner.this.evidence.screenshot("scenario-" + s.name(), png,
                        secrets.mask(page.url()));
                evidence.add(e);
                stepEvidence.add(e.path());
                return e.path();
            } else if (step instanceof Step.Ocr s) {
                return ocr(index, s, t, stepEvidence);
            } else if (step instanceof Step.DecodeQr s) {
                return decodeQr(index, s, t, stepEvidence);
            } else if (step instanceof Step.Emulate s) {
                String at = page.url();
                page = pages.open(s.profile());
                if (at.startsWith("http")) {
                    int status = page.navigate(at, t);
                    return "以 " + s.profile().name().toLowerCase(Locale.ROOT) + " 重新打开，HTTP " + status;
                }
                return "";
            } else if (step instanceof Step.Extract s) {
                String text = page.text(target(s.target()), t).strip();
                String value = text;
                if (s.pattern() != null) {
                    Matcher m = Pattern.compile(s.pattern()).matcher(text);
                    if (!m.find()) {
                        throw new StepFailure("文字 \"" + abbreviate(text) + "\" 不匹配 " + s.pattern());
                    }
                    value = m.groupCount() >= 1 ? m.group(1) : m.group();
                }
                vars.put(s.into(), value);
                return "${" + s.into() + "} = " + abbreviate(value);
            }
            throw new IllegalStateException("unknown step " + step);
        }

        private String expectText(Step.ExpectText s, Duration t) {
            String want = vars.resolve(s.text());
            Target target = s.target() == null ? null : target(s.target());
            String[] seen = {""};
            boolean ok = poll(t, () -> {
                seen[0] = target == null ? page.bodyText() : safeText(target);
                return seen[0].contains(want);
            });
            if (!ok) {
                throw new StepFailure("页面未出现文字 \"" + want + "\""
                        + (target == null ? "" : "（" + target.describe() + " 的文字为 \"" + abbreviate(seen[0]) + "\"）"));
            }
            return "";
        }

        private String safeText(Target target) {
            try {
                return page.text(target, Duration.ofMillis(POLL_MS * 2));
            } catch (PageActionException e) {
                return "";
            }
        }

        private String expectUrl(Step.ExpectUrl s, Duration t) {
            if (s.contains() != null) {
                String want = vars.resolve(s.contains());
                if (!poll(t, () -> page.url().contains(want))) {
                    throw new StepFailure("网址 " + page.url() + " 不包含 " + want);
                }
            } else {
                Pattern p = Pattern.compile(s.matches());
                if (!poll(t, () -> p.matcher(page.url()).find())) {
                    throw new StepFailure("网址 " + page.url() + " 不匹配 " + s.matches());
                }
            }
            return page.url();
        }

        private String ocr(int index, Step.Ocr s, Duration t, List<String> stepEvidence) {
            byte[] png = s.target() != null ? page.screenshot(target(s.target()), t) : page.screenshot(s.region());
            BufferedImage image = ImageScaling.decode(png)
                    .orElseThrow(() -> new StepFailure("截图无法解码为图像"));
            String text = ocr.read(ImageScaling.scale(image, 2)).strip();
            String name = String.format(Locale.ROOT, "scenario-step%02d-ocr", index);
            String url = secrets.mask(page.url());
            Evidence img = ScenarioRunner.this.evidence.image("ocr", name, png, url);
            Evidence txt = ScenarioRunner.this.evidence.text("ocr", name, secrets.mask(text), url);
            evidence.add(img);
            evidence.add(txt);
            stepEvidence.add(img.path());
            stepEvidence.add(txt.path());
            if (s.expect() != null) {
                String want = vars.resolve(s.expect());
                if (!squash(text).contains(squash(want))) {
                    throw new StepFailure("识别出的文字 \"" + abbreviate(text) + "\" 不含 \"" + want + "\"");
                }
            }
            if (s.into() != null) {
                vars.put(s.into(), text);
            }
            return abbreviate(text);
        }

        private String decodeQr(int index, Step.DecodeQr s, Duration t, List<String> stepEvidence) {
            byte[] png = s.target() != null ? page.screenshot(target(s.target()), t) : page.screenshot(s.region());
            BufferedImage image = ImageScaling.decode(png)
                    .orElseThrow(() -> new StepFailure("截图无法解码为图像"));
            List<String> codes = qr.decode(image);
            String name = String.format(Locale.ROOT, "scenario-step%02d-qr", index);
            String url = secrets.mask(page.url());
            Evidence img = ScenarioRunner.this.evidence.image("qr", name, png, url);
            evidence.add(img);
            stepEvidence.add(img.path());
            if (codes.isEmpty()) {
                throw new StepFailure("未识别到二维码");
            }
            Evidence txt = ScenarioRunner.this.evidence.text("qr", name, secrets.mask(String.join("\n", codes)), url);
            evidence.add(txt);
            stepEvidence.add(txt.path());
            if (s.expect() != null) {
                String want = vars.resolve(s.expect());
                if (codes.stream().noneMatch(c -> c.contains(want))) {
                    throw new StepFailure("二维码内容 " + codes + " 不含 \"" + want + "\"");
                }
            }
            if (s.into() != null) {
                vars.put(s.into(), codes.get(0));
            }
            return codes.get(0);
        }

        private Target target(Target t) {
            return new Target(t.kind(), vars.resolve(t.value()), vars.resolve(t.name()));
        }
    }

    private static boolean poll(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }
}

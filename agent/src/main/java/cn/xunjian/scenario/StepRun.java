package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.Region;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.vision.ImageScaling;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step works with while it runs: the page (which {@code emulate} replaces), the run's variables and secrets,
 * its time limit, the evidence store and the OCR and QR readers. Evidence kept through it is masked and listed both
 * for the run and for the step. One per scenario run, confined to its thread; {@link ScenarioRunner} moves it from
 * step to step.
 */
final class StepRun {
    private static final Logger LOG = LoggerFactory.getLogger(StepRun.class);
    private static final long POLL_MS = 150;

    private final PageOpener pages;
    private final SiteEvidence store;
    private final OcrEngine ocr;
    private final QrDecoder qr;
    private final Variables vars;
    private final Secrets secrets;
    private final List<Evidence> evidence = new ArrayList<>();
    private ScenarioPage page;
    private int number;
    private Duration timeout;
    private List<String> stepEvidence = new ArrayList<>();

    StepRun(PageOpener pages, SiteEvidence store, OcrEngine ocr, QrDecoder qr, Variables vars, Secrets secrets) {
        this.pages = pages;
        this.store = store;
        this.ocr = ocr;
        this.qr = qr;
        this.vars = vars;
        this.secrets = secrets;
    }

    /** Starts step {@code number} (1-based) with its time limit. */
    void begin(int number, Duration timeout) {
        this.number = number;
        this.timeout = timeout;
        this.stepEvidence = new ArrayList<>();
    }

    /** The page of the run; null before the first is opened. */
    ScenarioPage page() {
        return page;
    }

    /** Continues in a new page seen through {@code profile} (its own session); the old one stays open. */
    void open(DeviceProfile profile) {
        page = pages.open(profile);
    }

    Duration timeout() {
        return timeout;
    }

    String resolve(String template) {
        return vars.resolve(template);
    }

    boolean usesSecret(String template) {
        return vars.usesSecret(template);
    }

    /** Stores a value read from the page into a variable. */
    void put(String name, String value) {
        vars.put(name, value);
    }

    /** The target with its variables resolved. */
    Target target(Target t) {
        return new Target(t.kind(), vars.resolve(t.value()), vars.resolve(t.name()));
    }

    /** The target's text now, or empty when it is not there (yet). */
    String textNow(Target target) {
        try {
            return page.text(target, Duration.ofMillis(POLL_MS * 2));
        } catch (PageActionException e) {
            return "";
        }
    }

    /** Whether {@code condition} comes true within the step's time limit, asking every {@value #POLL_MS} ms. */
    boolean poll(BooleanSupplier condition) {
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

    /** A PNG of the element (variables resolved) or, when {@code target} is null, of the region. */
    byte[] capture(Target target, Region region) {
        return target != null ? page.screenshot(target(target), timeout) : page.screenshot(region);
    }

    BufferedImage image(byte[] png) {
        return ImageScaling.decode(png).orElseThrow(() -> new StepFailure("截图无法解码为图像"));
    }

    OcrEngine ocr() {
        return ocr;
    }

    QrDecoder qr() {
        return qr;
    }

    /** The base name of this step's evidence files, e.g. {@code scenario-step03-ocr}. */
    String evidenceName(String what) {
        return String.format(Locale.ROOT, "scenario-step%02d-%s", number, what);
    }

    Evidence screenshot(String name, byte[] png) {
        return keep(store.screenshot(name, png, url()));
    }

    Evidence image(String type, String name, byte[] png) {
        return keep(store.image(type, name, png, url()));
    }

    Evidence text(String type, String name, String text) {
        return keep(store.text(type, name, secrets.mask(text), url()));
    }

    /** Keeps a screenshot and the DOM of the page as the step left it; what cannot be taken is left out. */
    void keepFailureEvidence() {
        if (page == null) {
            return;
        }
        String base = evidenceName("failed");
        try {
            screenshot(base, page.screenshot());
        } catch (RuntimeException e) {
            LOG.debug("no failure screenshot: {}", e.toString());
        }
        try {
            keep(store.html(base, secrets.mask(page.html()), url()));
        } catch (RuntimeException e) {
            LOG.debug("no failure DOM: {}", e.toString());
        }
    }

    /** Every piece of evidence of the run so far. */
    List<Evidence> evidence() {
        return evidence;
    }

    /** The paths of the current step's evidence. */
    List<String> stepEvidence() {
        return stepEvidence;
    }

    private String url() {
        return secrets.mask(page.url());
    }

    private Evidence keep(Evidence e) {
        evidence.add(e);
        stepEvidence.add(e.path());
        return e;
    }

    /** One line of at most 120 characters, for the step log. */
    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }
}

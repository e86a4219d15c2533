package cn.xunjian.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The port through which scenarios and interactive checks act on a page like a citizen: navigate, click, fill,
 * read. Wider than {@link AuditPage} but still free of Playwright types. It follows new windows (the newest
 * window opened by the page becomes the current one), accepts JavaScript dialogs and remembers their messages,
 * and records page script errors and HTTP error responses. Every action throws {@link PageActionException} with a
 * Chinese reason when it cannot be done. Confined to one thread.
 */
public interface ScenarioPage extends AutoCloseable {
    /** Navigates the current window; returns the HTTP status of the document (0 when none arrived). */
    int navigate(String url, Duration timeout);

    void click(Target target, Duration timeout);

    /**
     * Types {@code value} into a field. A {@code secret} value is masked in every later screenshot of this page.
     */
    void fill(Target target, String value, boolean secret, Duration timeout);

    /** Chooses an option of a {@code <select>} by its value or its label. */
    void select(Target target, String option, Duration timeout);

    void check(Target target, boolean checked, Duration timeout);

    /** Presses a key (Playwright key names, e.g. {@code Enter}) on the target, or on the page when target is null. */
    void press(Target target, String key, Duration timeout);

    void upload(Target target, Path file, Duration timeout);

    /** Waits until the target is {@code visible}, {@code hidden}, {@code attached} or {@code detached}. */
    void waitFor(Target target, String state, Duration timeout);

    /** The visible text of the first element the target matches, waiting for it at most {@code timeout}. */
    String text(Target target, Duration timeout);

    /** How many elements the target matches now. */
    int count(Target target);

    /** Whether the first match is visible now. */
    boolean visible(Target target);

    /** Whether the first match is enabled now. */
    boolean enabled(Target target);

    /** The current window's URL. */
    String url();

    /** The current window's rendered DOM. */
    String html();

    /** The current window's visible text ({@code document.body.innerText}). */
    String bodyText();

    /** A full-page PNG of the current window, secret fields masked. */
    byte[] screenshot();

    /** A PNG of the first element the target matches, secret fields masked. */
    byte[] screenshot(Target target, Duration timeout);

    /** A PNG of a region of the viewport. */
    byte[] screenshot(Region region);

    /** Waits (at most {@code timeout}) for the page to settle after an action: load state and network quiet. */
    void settle(Duration timeout);

    /** Uncaught script errors seen in any window since this page opened. */
    List<String> scriptErrors();

    /** Responses with HTTP status ≥ 400 (documents, XHR, fetch) seen since this page opened: "status url". */
    List<String> failedResponses();

    /** Messages of JavaScript dialogs (alert, confirm) seen since this page opened; they were accepted. */
    List<String> dialogs();

    /** The current window seen through the narrow audit port (for checks written against {@link AuditPage}). */
    AuditPage auditPage();

    @Override
    void close();
}

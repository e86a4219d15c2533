package cn.xunjian.testing;

import cn.xunjian.browser.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scripted web behind {@link FakeScenarioPage} and {@link FakeBrowser}: what each URL serves (HTML and an HTTP
 * status, a redirect, or a failure to connect), what the pages' scripts do (on load, on a click, on a key press),
 * and what a script run through {@code AuditPage.evaluateJson} answers. It models the page port's contract, not
 * Chromium: there is no CSS cascade, no layout and no JavaScript; what a script would do is written down here as
 * an {@link Effect} or a {@link ScriptAnswer}. A URL nothing was scripted for answers 404.
 */
public final class FakeSite {
    /** What a page script does to the page: change its DOM, navigate, throw an error, open a dialog. */
    @FunctionalInterface
    public interface Effect {
        void apply(FakeScenarioPage page);
    }

    /** The JSON a script run in the page returns; it may read the page's DOM and mark elements in it. */
    @FunctionalInterface
    public interface ScriptAnswer {
        String answer(FakeScenarioPage page);
    }

    /** What one URL serves: a document with a status, a redirect to {@code location}, or a {@code failure}. */
    record Response(int status, String html, String location, String failure) {
        static final Response NOT_FOUND = new Response(404,
                "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>", null, null);
    }

    /** A script of the page bound to an element: {@code key} null for a click, else the key pressed. */
    record Trigger(String url, Target target, String key, Effect effect) {
    }

    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final Map<String, List<Effect>> onLoad = new LinkedHashMap<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final Map<String, ScriptAnswer> scripts = new LinkedHashMap<>();

    /** {@code url} serves {@code html} with status 200. */
    public FakeSite page(String url, String html) {
        return page(url, 200, html);
    }

    /** {@code url} serves {@code html} with {@code status}. */
    public FakeSite page(String url, int status, String html) {
        responses.put(url, new Response(status, html, null, null));
        return this;
    }

    /** {@code url} answers with a redirect (HTTP 302) to {@code location}. */
    public FakeSite redirect(String url, String location) {
        responses.put(url, new Response(302, "", location, null));
        return this;
    }

    /** Opening {@code url} fails the way the browser words it ({@code "连接被拒绝"}, {@code "超时未打开"}). */
    public FakeSite unreachable(String url, String reason) {
        responses.put(url, new Response(0, "", null, reason));
        return this;
    }

    /** What the page at {@code url} does once it has loaded (a script error, a dialog, a failed XHR…). */
    public FakeSite onLoad(String url, Effect effect) {
        onLoad.computeIfAbsent(url, u -> new ArrayList<>()).add(effect);
        return this;
    }

    /**
     * What clicking the element {@code target} matches on the page at {@code url} does, instead of what the
     * browser would do by default (follow a link, submit a form).
     */
    public FakeSite onClick(String url, Target target, Effect effect) {
        triggers.add(new Trigger(url, target, null, effect));
        return this;
    }

    /**
     * What pressing {@code key} on {@code target} ({@code null}: on the page) of the page at {@code url} does,
     * instead of the default (Enter in a field of a form submits the form).
     */
    public FakeSite onPress(String url, Target target, String key, Effect effect) {
        triggers.add(new Trigger(url, target, Objects.requireNonNull(key, "key"), effect));
        return this;
    }

    /** Scripts run in the page whose source contains {@code marker} return what {@code answer} says. */
    public FakeSite script(String marker, ScriptAnswer answer) {
        scripts.put(marker, answer);
        return this;
    }

    /** What {@code url} serves: the exact URL, else the URL without its fragment, else without its query. */
    Response response(String url) {
        String noFragment = before(url, '#');
        Response r = responses.get(url);
        if (r == null) {
            r = responses.get(noFragment);
        }
        if (r == null) {
            r = responses.get(before(noFragment, '?'));
        }
        return r == null ? Response.NOT_FOUND : r;
    }

    List<Effect> onLoad(String url) {
        List<Effect> effects = onLoad.get(url);
        if (effects == null) {
            effects = onLoad.getOrDefault(before(before(url, '#'), '?'), List.of());
        }
        return List.copyOf(effects);
    }

    List<Trigger> triggers(String url, String key) {
        String page = before(before(url, '#'), '?');
        return triggers.stream().filter(t -> Objects.equals(t.key(), key))
                .filter(t -> t.url().equals(url) || t.url().equals(page)).toList();
    }

    Optional<ScriptAnswer> script(String source) {
        return scripts.entrySet().stream().filter(e -> source.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    private static String before(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s : s.substring(0, i);
    }
}

package cn.xunjian.testing;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.Region;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.net.NetworkScope;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * A {@link ScenarioPage} over the scripted pages of a {@link FakeSite}, for browser-free tests of checks that drive
 * pages. Navigating parses the served HTML with jsoup; targets are found in that DOM (CSS as jsoup reads it, plus
 * Playwright's {@code >> nth=N}; text, role, label and placeholder the way Playwright's locators read them);
 * visibility is the {@code hidden} attribute, {@code type=hidden} and inline {@code display:none},
 * {@code visibility:hidden} or {@code opacity:0} on the element or an ancestor. The body text is the visible
 * text. Clicking a link follows it and clicking a submit button (or pressing Enter in a field) submits its form,
 * unless the site scripted another effect. Every action is recorded; nothing waits, so an action on an element
 * that is missing, hidden or disabled fails at once with the message the real page would give after its timeout.
 * Screenshots are a tiny valid PNG.
 */
public final class FakeScenarioPage implements ScenarioPage {
    /**
     * One thing done to the page, in order.
     *
     * @param verb {@code goto}, {@code click}, {@code fill}, {@code select}, {@code check}, {@code press},
     *             {@code upload}
     * @param target the target acted on, null for {@code goto} and a key pressed on the page
     * @param value the URL, the value filled, the option chosen, the key, {@code true}/{@code false}, the file
     * @param secret whether a filled value was a secret
     * @param url the page's URL when it was done
     */
    public record Action(String verb, Target target, String value, boolean secret, String url) {
    }

    /** A form the page submitted: to where, by which method, and the fields as the browser would send them. */
    public record Submission(String url, String method, Map<String, String> fields) {
    }

    private static final Pattern NTH = Pattern.compile("^(.*?)\\s*>>\\s*nth=(-?\\d+)\\s*$");
    private static final Set<String> TEXT_TYPES = Set.of("", "text", "search", "email", "tel", "url", "number",
            "password");
    private static final Set<String> BUTTON_TYPES = Set.of("submit", "button", "reset", "image");

    private final FakeSite site;
    private final NetworkScope scope;
    private final List<Action> actions = new ArrayList<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<String> visited = new ArrayList<>();
    private final List<String> scriptErrors = new ArrayList<>();
    private final List<String> failedResponses = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private final Map<Element, String> values = new IdentityHashMap<>();
    private final Set<Element> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    private String url = "about:blank";
    private int status;
    private Document dom = Jsoup.parse("");
    private boolean closed;

    /** A page over {@code site} that may visit loopback hosts only, as tests do. */
    public FakeScenarioPage(FakeSite site) {
        this(site, NetworkScope.LOOPBACK_ONLY);
    }

    public FakeScenarioPage(FakeSite site, NetworkScope scope) {
        this.site = site;
        this.scope = scope;
    }

    /** The live DOM of the current document; effects may change it as a page script would. */
    public Document dom() {
        return dom;
    }

    /** Replaces the current document in place (same URL), as a script that re-renders the page does. */
    public void render(String html) {
        show(url, html);
    }

    /** Navigates the window to {@code url} as a link or {@code location.href} would. */
    public void goTo(String url) {
        String failure = load(url);
        if (!failure.isEmpty()) {
            show(url, "");
        }
    }

    /** Shows {@code html} as the document at {@code url} (status 200), as the answer of a form post would be. */
    public void showPage(String url, String html) {
        show(url, html);
        visited.add(url);
        runOnLoad();
    }

    /** Records an uncaught script error, as the page's error event would. */
    public void scriptError(String message) {
        scriptErrors.add(message);
    }

    /** Records a failed response (HTTP status ≥ 400 of a document, XHR or fetch). */
    public void failedResponse(int status, String url) {
        failedResponses.add(status + " " + url);
    }

    /** Opens (and accepts) a JavaScript dialog with {@code message}. */
    public void dialog(String message) {
        dialogs.add(message);
    }

    /** The current value of the field {@code target} matches (what was filled or chosen, else its initial value). */
    public String value(Target target) {
        return first(target).map(this::value).orElseThrow(() -> new IllegalArgumentException("no " + target));
    }

    /** Whether the checkbox or radio button {@code target} matches is checked now. */
    public boolean checked(Target target) {
        return first(target).map(checked::contains).orElseThrow(() -> new IllegalArgumentException("no " + target));
    }

    /** Everything done to the page, in order. */
    public List<Action> actions() {
        return List.copyOf(actions);
    }

    /** The forms the page submitted, in order. */
    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Every URL the window arrived at, in order (after redirects). */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public int navigate(String url, Duration timeout) {
        actions.add(new Action("goto", null, url, false, this.url));
        if (!scope.allows(url) && !url.startsWith("data:")) {
            throw new PageActionException("超出允许访问的网络范围：" + url, null);
        }
        String failure = load(url);
        if (!failure.isEmpty()) {
            throw new PageActionException("无法打开 " + url + "：" + failure, null);
        }
        return status;
    }

    /** The HTTP status of the current document (0 before the first navigation). */
    int status() {
        return status;
    }

    /** Loads {@code url} following redirects; returns why it failed, empty when the document arrived. */
    String load(String url) {
        String at = url;
        for (int hop = 0; hop <= 10; hop++) {
            if (!scope.allows(at)) {
                return "超出允许访问的网络范围";
            }
            FakeSite.Response r = site.response(at);
            if (r.failure() != null) {
                return r.failure();
            }
            if (r.location() != null) {
                at = URI.create(at).resolve(r.location()).toString();
                continue;
            }
            status = r.status();
            show(at, r.html());
            visited.add(at);
            if (r.status() >= 400) {
                failedResponse(r.status(), at);
            }
            runOnLoad();
            return "";
        }
        return "重定向次数过多";
    }

    private void show(String url, String html) {
        this.url = url;
        this.dom = Jsoup.parse(html, url);
        values.clear();
        checked.clear();
        checked.addAll(dom.select("input[checked]"));
    }

    private void runOnLoad() {
        String at = url;
        for (FakeSite.Effect e : site.onLoad(at)) {
            e.apply(this);
        }
    }

    @Override
    public void click(Target target, Duration timeout) {
        Element el = actionable(target, timeout, "点击");
        actions.add(new Action("click", target, "", false, url));
        List<FakeSite.Trigger> scripted = triggered(el, null);
        if (!scripted.isEmpty()) {
            scripted.forEach(t -> t.effect().apply(this));
            return;
        }
        String type = el.attr("type").toLowerCase(Locale.ROOT);
        if (el.is("input") && (type.equals("checkbox") || type.equals("radio"))) {
            setChecked(el, type.equals("radio") || !checked.contains(el));
            return;
        }
        Element link = el.closest("a[href], area[href]");
        if (link != null) {
            String href = link.absUrl("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                goTo(href);
            }
            return;
        }
        Element button = el.closest("button, input");
        if (button != null && submits(button)) {
            Element form = formOf(button);
            if (form != null) {
                submit(form);
            }
        }
    }

    @Override
    public void fill(Target target, String value, boolean secret, Duration timeout) {
        Element el = actionable(target, timeout, "填写");
        if (!textLike(el) && !el.is("textarea") && !el.hasAttr("contenteditable")) {
            throw new PageActionException("填写失败（" + target.describe()
                    + "）：Element is not an <input>, <textarea> or [contenteditable] element", null);
        }
        actions.add(new Action("fill", target, value, secret, url));
        values.put(el, value);
    }

    @Override
    public void select(Target target, String option, Duration timeout) {
        Element el = actionable(target, timeout, "选择");
        if (!el.is("select")) {
            throw new PageActionException("选择失败（" + target.describe() + "）：Element is not a <select> element", null);
        }
        Element chosen = el.select("option").stream()
                .filter(o -> o.attr("value").equals(option) || o.text().strip().equals(option)).findFirst()
                .orElseThrow(() -> new PageActionException(String.format(Locale.ROOT,
                        "选择失败：%d 毫秒内未找到可操作的元素（%s）", timeout.toMillis(), target.describe()), null));
        actions.add(new Action("select", target, option, false, url));
        values.put(el, chosen.hasAttr("value") ? chosen.attr("value") : chosen.text().strip());
    }

    @Override
    public void check(Target target, boolean checked, Duration timeout) {
        Element el = actionable(target, timeout, checked ? "勾选" : "取消勾选");
        String type = el.attr("type").toLowerCase(Locale.ROOT);
        if (!el.is("input") || !(type.equals("checkbox") || type.equals("radio"))) {
            throw new PageActionException((checked ? "勾选" : "取消勾选") + "失败（" + target.describe()
                    + "）：Not a checkbox or radio button", null);
        }
        actions.add(new Action("check", target, String.valueOf(checked), false, url));
        setChecked(el, checked);
    }

    @Override
    public void press(Target target, String key, Duration timeout) {
        if (target == null) {
            actions.add(new Action("press", null, key, false, url));
            triggered(null, key).forEach(t -> t.effect().apply(this));
            return;
        }
        Element el = actionable(target, timeout, "按键 " + key);
        actions.add(new Action("press", target, key, false, url));
        List<FakeSite.Trigger> scripted = triggered(el, key);
        if (!scripted.isEmpty()) {
            scripted.forEach(t -> t.effect().apply(this));
            return;
        }
        if (key.equals("Enter") && textLike(el) && formOf(el) != null) {
            submit(formOf(el));
        }
    }

    @Override
    public void upload(Target target, Path file, Duration timeout) {
        Element el = actionable(target, timeout, "上传");
        if (!el.is("input[type=file]")) {
            throw new PageActionException("上传失败（" + target.describe() + "）：Node is not an HTMLInputElement", null);
        }
        actions.add(new Action("upload", target, file.getFileName().toString(), false, url));
        values.put(el, file.getFileName().toString());
    }

    @Override
    public void waitFor(Target target, String state, Duration timeout) {
        List<Element> found = find(target);
        boolean ok = switch (state.toLowerCase(Locale.ROOT)) {
            case "visible" -> !found.isEmpty() && visible(found.get(0));
            case "hidden" -> found.isEmpty() || !visible(found.get(0));
            case "attached" -> !found.isEmpty();
            case "detached" -> found.isEmpty();
            default -> throw new PageActionException("未知的等待状态：" + state, null);
        };
        if (!ok) {
            throw timedOut("等待", target, timeout);
        }
    }

    @Override
    public String text(Target target, Duration timeout) {
        return first(target).map(FakeScenarioPage::visibleText).orElseThrow(() -> timedOut("读取", target, timeout));
    }

    @Override
    public int count(Target target) {
        try {
            return find(target).size();
        } catch (PageActionException e) {
            return 0;
        }
    }

    @Override
    public boolean visible(Target target) {
        try {
            return first(target).map(FakeScenarioPage::visible).orElse(false);
        } catch (PageActionException e) {
            return false;
        }
    }

    @Override
    public boolean enabled(Target target) {
        try {
            return first(target).map(el -> !el.hasAttr("disabled")).orElse(false);
        } catch (PageActionException e) {
            return false;
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String html() {
        return "<!DOCTYPE html>\n" + dom.child(0).outerHtml();
    }

    @Override
    public String bodyText() {
        return dom.body() == null ? "" : visibleText(dom.body());
    }

    @Override
    public byte[] screenshot() {
        return StaticAuditPage.PNG.clone();
    }

    @Override
    public byte[] screenshot(Target target, Duration timeout) {
        first(target).filter(FakeScenarioPage::visible).orElseThrow(() -> timedOut("截图", target, timeout));
        return StaticAuditPage.PNG.clone();
    }

    @Override
    public byte[] screenshot(Region region) {
        return StaticAuditPage.PNG.clone();
    }

    @Override
    public void settle(Duration timeout) {
        // nothing runs in the background of a fake page: it is always settled
    }

    @Override
    public List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    @Override
    public List<String> failedResponses() {
        return List.copyOf(failedResponses);
    }

    @Override
    public List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    @Override
    public AuditPage auditPage() {
        return new LiveAuditPage();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The current document through the narrow audit port; scripts are answered by the site's script answers. */
    private final class LiveAuditPage implements AuditPage {
        @Override
        public String url() {
            return url;
        }

        @Override
        public String html() {
            return FakeScenarioPage.this.html();
        }

        @Override
        public String title() {
            return dom.title();
        }

        @Override
        public byte[] screenshot() {
            return StaticAuditPage.PNG.clone();
        }

        @Override
        public Optional<byte[]> outlinedScreenshot(String cssSelector) {
            return dom.selectFirst(cssSelector) == null ? Optional.empty() : Optional.of(StaticAuditPage.PNG.clone());
        }

        @Override
        public Optional<byte[]> highlightedScreenshot(String phrase) {
            return bodyText().contains(phrase) ? Optional.of(StaticAuditPage.PNG.clone()) : Optional.empty();
        }

        @Override
        public String evaluateJson(String function) {
            return site.script(function).map(a -> a.answer(FakeScenarioPage.this))
                    .orElseThrow(() -> new UnsupportedOperationException("the fake page runs no scripts; "
                            + "script an answer with FakeSite.script for: " + abbreviate(function)));
        }

        @Override
        public Optional<byte[]> fetch(String absoluteUrl) {
            return Optional.empty();
        }

        /** The fake loads no frames. */
        @Override
        public Optional<FrameDocument> frame(String cssSelector) {
            return Optional.empty();
        }
    }

    private Optional<Element> first(Target target) {
        List<Element> found = find(target);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The first match, which must be visible and enabled to be acted on. */
    private Element actionable(Target target, Duration timeout, String verb) {
        return first(target).filter(FakeScenarioPage::visible).filter(el -> !el.hasAttr("disabled"))
                .orElseThrow(() -> timedOut(verb, target, timeout));
    }

    private static PageActionException timedOut(String verb, Target target, Duration timeout) {
        return new PageActionException(String.format(Locale.ROOT, "%s失败：%d 毫秒内未找到可操作的元素（%s）", verb,
                timeout.toMillis(), target.describe()), null);
    }

    /** Every element the target matches, in document order. */
    List<Element> find(Target target) {
        Element body = dom.body();
        if (body == null) {
            return List.of();
        }
        return switch (target.kind()) {
            case CSS -> css(target.value());
            case TEXT -> byText(body, target.value());
            case ROLE -> byRole(body, target.value(), target.name());
            case LABEL -> byLabel(body, target.value());
            case PLACEHOLDER -> body.select("[placeholder]").stream()
                    .filter(el -> contains(el.attr("placeholder"), target.value())).toList();
        };
    }

    private List<Element> css(String selector) {
        Matcher nth = NTH.matcher(selector);
        String css = nth.matches() ? nth.group(1) : selector;
        List<Element> all;
        try {
            all = dom.select(css);
        } catch (Selector.SelectorParseException e) {
            throw new PageActionException("无法解析选择器 " + selector + "：" + e.getMessage(), e);
        }
        if (!nth.matches()) {
            return all;
        }
        int n = Integer.parseInt(nth.group(2));
        int i = n < 0 ? all.size() + n : n;
        return i >= 0 && i < all.size() ? List.of(all.get(i)) : List.of();
    }

    /** The innermost elements whose text contains {@code text} (case and spacing ignored), and buttons by value. */
    private static List<Element> byText(Element body, String text) {
        List<Element> out = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (el.is("input") && BUTTON_TYPES.contains(el.attr("type").toLowerCase(Locale.ROOT))) {
                if (contains(el.attr("value"), text)) {
                    out.add(el);
                }
                continue;
            }
            if (el.is("script, style, noscript, template") || !contains(el.text(), text)) {
                continue;
            }
            if (el.children().stream().noneMatch(c -> contains(c.text(), text))) {
                out.add(el);
            }
        }
        return out;
    }

    private static final Map<String, String> IMPLICIT_ROLES = Map.ofEntries(
            Map.entry("link", "a[href], area[href]"),
            Map.entry("button", "button, input[type=button], input[type=submit], input[type=reset], input[type=image], summary"),
            Map.entry("textbox", "input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], textarea"),
            Map.entry("searchbox", "input[type=search]"),
            Map.entry("checkbox", "input[type=checkbox]"),
            Map.entry("radio", "input[type=radio]"),
            Map.entry("combobox", "select"),
            Map.entry("heading", "h1, h2, h3, h4, h5, h6"),
            Map.entry("img", "img[alt]"),
            Map.entry("list", "ul, ol"),
            Map.entry("listitem", "li"),
            Map.entry("table", "table"),
            Map.entry("row", "tr"),
            Map.entry("navigation", "nav"),
            Map.entry("main", "main"),
            Map.entry("form", "form"));

    /** Visible elements with the role (explicit or implicit) whose accessible name contains {@code name}. */
    private List<Element> byRole(Element body, String role, String name) {
        String r = role.toLowerCase(Locale.ROOT);
        String implicit = IMPLICIT_ROLES.get(r);
        String selector = "[role=" + r + "]" + (implicit == null ? "" : ", " + implicit);
        return body.select(selector).stream().filter(FakeScenarioPage::visible)
                .filter(el -> !el.hasAttr("role") || el.attr("role").equalsIgnoreCase(r))
                .filter(el -> name == null || contains(accessibleName(el), name)).toList();
    }

    private String accessibleName(Element el) {
        if (el.hasAttr("aria-label")) {
            return el.attr("aria-label");
        }
        if (el.is("input, textarea, select")) {
            Element label = labelOf(el);
            if (label != null) {
                return label.text();
            }
            return el.is("input") && BUTTON_TYPES.contains(el.attr("type").toLowerCase(Locale.ROOT))
                    ? el.attr("value") : el.attr("title");
        }
        if (el.is("img")) {
            return el.attr("alt");
        }
        String text = el.text();
        return text.isBlank() ? el.attr("title") : text;
    }

    private Element labelOf(Element control) {
        if (!control.id().isEmpty()) {
            for (Element l : dom.select("label[for]")) {
                if (l.attr("for").equals(control.id())) {
                    return l;
                }
            }
        }
        return control.closest("label");
    }

    /** Controls labelled (by a label element or aria-label) with text containing {@code text}. */
    private List<Element> byLabel(Element body, String text) {
        List<Element> out = new ArrayList<>();
        for (Element el : body.select("input, textarea, select, button, [aria-label]")) {
            Element label = el.is("input, textarea, select") ? labelOf(el) : null;
            boolean labelled = (label != null && contains(label.text(), text))
                    || (el.hasAttr("aria-label") && contains(el.attr("aria-label"), text));
            if (labelled && !(el.is("input") && el.attr("type").equalsIgnoreCase("hidden"))) {
                out.add(el);
            }
        }
        return out;
    }

    private static boolean contains(String haystack, String needle) {
        return squash(haystack).contains(squash(needle));
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static final Pattern HIDING_STYLE = Pattern.compile(
            "(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden|opacity\\s*:\\s*0(?:\\.0*)?)\\s*(?:!important)?\\s*(?:;|$)");

    /** Whether the element itself hides what it holds: {@code hidden}, {@code type=hidden}, an inline style. */
    private static boolean hidesItself(Element el) {
        return el.hasAttr("hidden") || el.is("script, style, noscript, template, head, title")
                || (el.is("input") && el.attr("type").equalsIgnoreCase("hidden"))
                || HIDING_STYLE.matcher(el.attr("style").toLowerCase(Locale.ROOT)).find();
    }

    /** Whether a citizen could see the element: neither it nor an ancestor hides it. */
    public static boolean visible(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (hidesItself(e)) {
                return false;
            }
        }
        return true;
    }

    /** The text a citizen sees in {@code el}: hidden descendants left out, whitespace collapsed. */
    public static String visibleText(Element el) {
        Element copy = el.clone();
        for (Element d : copy.getAllElements()) {
            if (d != copy && hidesItself(d)) {
                d.remove();
            }
        }
        return copy.text();
    }

    private List<FakeSite.Trigger> triggered(Element el, String key) {
        List<FakeSite.Trigger> out = new ArrayList<>();
        for (FakeSite.Trigger t : site.triggers(url, key)) {
            if (t.target() == null ? el == null : el != null && find(t.target()).stream().anyMatch(
                    bound -> bound == el || el.parents().contains(bound))) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean textLike(Element el) {
        return el.is("input") && TEXT_TYPES.contains(el.attr("type").toLowerCase(Locale.ROOT));
    }

    private static boolean submits(Element el) {
        String type = el.attr("type").toLowerCase(Locale.ROOT);
        return el.is("button") ? type.isEmpty() || type.equals("submit")
                : type.equals("submit") || type.equals("image");
    }

    private Element formOf(Element el) {
        if (el.hasAttr("form")) {
            return dom.getElementById(el.attr("form"));
        }
        return el.closest("form");
    }

    private String value(Element el) {
        String v = values.get(el);
        if (v != null) {
            return v;
        }
        if (el.is("textarea")) {
            return el.wholeText();
        }
        if (el.is("select")) {
            Element option = Optional.ofNullable(el.selectFirst("option[selected]")).orElse(el.selectFirst("option"));
            return option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text().strip();
        }
        return el.attr("value");
    }

    private void setChecked(Element el, boolean on) {
        if (on && el.attr("type").equalsIgnoreCase("radio") && !el.attr("name").isEmpty()) {
            dom.select("input[type=radio]").stream().filter(r -> r.attr("name").equals(el.attr("name")))
                    .forEach(checked::remove);
        }
        if (on) {
            checked.add(el);
        } else {
            checked.remove(el);
        }
    }

    /** Submits {@code form} as the browser would: its named fields to its action, GET as a query. */
    private void submit(Element form) {
        String action = form.attr("action").isBlank() ? url : form.absUrl("action");
        String method = form.attr("method").isBlank() ? "get" : form.attr("method").toLowerCase(Locale.ROOT);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element c : form.select("input[name], textarea[name], select[name]")) {
            String type = c.attr("type").toLowerCase(Locale.ROOT);
            if (c.hasAttr("disabled") || BUTTON_TYPES.contains(type) || type.equals("file")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !checked.contains(c)) {
                continue;
            }
            boolean box = type.equals("checkbox") || type.equals("radio");
            fields.put(c.attr("name"), box ? (c.hasAttr("value") ? c.attr("value") : "on") : value(c));
        }
        submissions.add(new Submission(action, method, Collections.unmodifiableMap(fields)));
        if (method.equals("get")) {
            String base = action.replaceFirst("[?#].*$", "");
            String query = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            goTo(query.isEmpty() ? base : base + "?" + query);
        } else {
            goTo(action);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}

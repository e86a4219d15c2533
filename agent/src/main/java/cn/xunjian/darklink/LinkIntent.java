package cn.xunjian.darklink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges what a link means, not only whether it can be seen: a hidden link is a 暗链 only with evidence of spam
 * (wording in its text, title or target) or of injection (a hiding technique page furniture never uses on text, a
 * hidden block of many unrelated sites, a place after the page's end); page furniture (menus, drop-downs, tabs,
 * share buttons, browser-upgrade tips, copies of visible links) is nothing; any other hidden link to another site is
 * a 疑似暗链 for a person to judge.
 */
final class LinkIntent {
    /** Revealing signals that name a mechanism; {@code label} only names a visible title next to the block. */
    private static final Pattern ICON_ONLY = Pattern.compile(
            "(?is)<a\\b[^>]*>\\s*(?:<(i|span|em|b)\\b[^>]*>\\s*</\\1>\\s*)+</a>");
    private static final Set<String> MECHANISMS = Set.of("css-state", "css-class", "other-viewport", "handler",
            "jquery", "script", "sibling-panel", "toggle");

    /** What a link is. */
    sealed interface Verdict permits Spam, Injected, Suspected, Furniture, Normal {
    }

    /** Spam wording in the link's text, title or target. */
    record Spam(SpamKeywords.Match match) implements Verdict {
    }

    /** A hidden link to another site whose hiding or place shows it was injected; {@code shape} says how. */
    record Injected(String host, String shape) implements Verdict {
    }

    /** A link to another site hidden (or placed after the page's end) with no sign of spam or of furniture. */
    record Suspected(String host) implements Verdict {
    }

    /** A hidden link that is part of page furniture; {@code why} says which. */
    record Furniture(String why) implements Verdict {
    }

    /** A visible link, or a hidden one to the site itself or a trusted host. */
    record Normal() implements Verdict {
    }

    private final HiddenLinkRules rules;
    private final SpamKeywords keywords;
    private final BenignUi benign;

    LinkIntent(HiddenLinkRules rules, SpamKeywords keywords, BenignUi benign) {
        this.rules = rules;
        this.keywords = keywords;
        this.benign = benign;
    }

    /**
     * The verdict on each of {@code links}, in order.
     *
     * @param pageUrl the page they are on
     * @param tail what the served source holds after its end
     */
    List<Verdict> judge(List<ClassifiedLink> links, String pageUrl, SourceTail tail) {
        Set<String> visible = new HashSet<>();
        Map<Integer, List<ClassifiedLink>> blocks = new HashMap<>();
        for (ClassifiedLink l : links) {
            if (!l.hidden() && l.tag().equals("a")) {
                visible.add(l.href());
            }
            if (l.hidden() && l.hider() != null) {
                blocks.computeIfAbsent(l.hider().id(), k -> new ArrayList<>()).add(l);
            }
        }
        List<Verdict> out = new ArrayList<>(links.size());
        for (ClassifiedLink l : links) {
            boolean afterEnd = tail.contains(l.href());
            out.add(l.hidden() ? hidden(l, pageUrl, afterEnd, visible, blocks) : visible(l, pageUrl, afterEnd));
        }
        return out;
    }

    private Verdict visible(ClassifiedLink l, String pageUrl, boolean afterEnd) {
        SpamKeywords.Match spam = afterEnd ? keywords.scan(l.text(), l.href(), l.title())
                : keywords.scan(l.text(), l.title());
        if (spam.spam()) {
            return new Spam(spam);
        }
        Optional<String> host = untrustedExternal(l.href(), pageUrl);
        return afterEnd && host.isPresent() ? new Suspected(host.get()) : new Normal();
    }

    private Verdict hidden(ClassifiedLink l, String pageUrl, boolean afterEnd, Set<String> visible,
                           Map<Integer, List<ClassifiedLink>> blocks) {
        SpamKeywords.Match spam = keywords.scan(l.text(), l.href(), l.title());
        if (spam.spam()) {
            return new Spam(spam);
        }
        Optional<String> external = untrustedExternal(l.href(), pageUrl);
        if (external.isEmpty()) {
            return new Normal();
        }
        String host = external.get();
        ClassifiedLink.Hider hider = l.hider();
        String blockText = hider == null ? "" : hider.text();
        if (benign.shareTarget(l.href())) {
            return new Furniture("分享按钮");
        }
        if (benign.upgradeTip(blockText) || benign.browserDownload(host, l.text(), l.title())) {
            return new Furniture("浏览器升级提示");
        }
        if (iconOnly(l)) {
            return new Furniture("无文字的图标链接（图标由样式表绘制）");
        }
        if (l.tag().equals("a") && visible.contains(l.href())) {
            return new Furniture("页面上另有指向同一地址的可见链接");
        }
        if (afterEnd) {
            return new Injected(host, rules.label("after-end"));
        }
        Optional<String> shape = shape(l);
        if (shape.isPresent()) {
            return new Injected(host, "注入特征：" + shape.get());
        }
        List<String> revealed = hider == null ? List.of() : hider.revealed();
        Optional<String> mechanism = revealed.stream().filter(r -> MECHANISMS.contains(kind(r))).findFirst();
        if (mechanism.isPresent()) {
            return new Furniture(mechanism.get());
        }
        List<ClassifiedLink> block = hider == null ? List.of(l) : blocks.getOrDefault(hider.id(), List.of(l));
        Optional<String> label = revealed.stream().filter(r -> kind(r).equals("label")).findFirst();
        if (label.isPresent() && trustedShare(block, pageUrl) >= rules.intent().labelledMinTrustedShare()) {
            return new Furniture(label.get());
        }
        Optional<String> injectedBlock = injectedBlock(block, pageUrl, hider);
        if (injectedBlock.isPresent()) {
            return new Injected(host, injectedBlock.get());
        }
        return new Suspected(host);
    }

    /**
     * A link with no text, title or image whose box is empty only because its content is an empty icon element
     * ({@code <a href="https://weibo.com/u/…"><i class="icon i-weibo"></i></a>}): the stylesheet draws the icon, and
     * when the stylesheet does not load the link shows nothing rather than hides something. Nothing else hides it.
     */
    private static boolean iconOnly(ClassifiedLink l) {
        return l.tag().equals("a") && l.text().isBlank() && l.title().isBlank() && !l.media()
                && l.reasons().equals(List.of("tiny-box")) && l.ancestors().isEmpty()
                && ICON_ONLY.matcher(l.outerHtml()).matches();
    }

    /** The injected shape among the link's hiding reasons, in Chinese. */
    private Optional<String> shape(ClassifiedLink l) {
        boolean text = !l.text().isBlank() && !l.media();
        for (String reason : l.reasons()) {
            String key = kind(reason);
            if (!rules.intent().injectedShapes().contains(key)) {
                continue;
            }
            if (key.equals("marquee") || text) {
                return Optional.of(rules.label(reason));
            }
        }
        return Optional.empty();
    }

    /** A hidden block linking to many unrelated sites, described, or empty. */
    private Optional<String> injectedBlock(List<ClassifiedLink> block, String pageUrl, ClassifiedLink.Hider hider) {
        Set<String> domains = new HashSet<>();
        Set<String> untrusted = new HashSet<>();
        for (ClassifiedLink b : block) {
            Optional<String> h = Hosts.host(b.href());
            if (h.isEmpty() || !Hosts.external(b.href(), pageUrl)) {
                continue;
            }
            String domain = Hosts.registrable(h.get());
            domains.add(domain);
            if (!rules.trusted(h.get())) {
                untrusted.add(domain);
            }
        }
        HiddenLinkRules.Intent intent = rules.intent();
        if (domains.size() >= intent.injectedBlockMinHosts()
                && untrusted.size() >= intent.injectedBlockMinUntrustedShare() * domains.size()) {
            String where = hider == null ? "" : "（" + hider.element() + "）";
            return Optional.of("同一隐藏区块" + where + "内有" + untrusted.size() + "个指向无关外部网站的链接");
        }
        return Optional.empty();
    }

    private double trustedShare(List<ClassifiedLink> block, String pageUrl) {
        int external = 0;
        int trusted = 0;
        for (ClassifiedLink b : block) {
            Optional<String> h = Hosts.host(b.href());
            if (h.isEmpty() || !Hosts.external(b.href(), pageUrl)) {
                continue;
            }
            external++;
            if (rules.trusted(h.get())) {
                trusted++;
            }
        }
        return external == 0 ? 1 : (double) trusted / external;
    }

    /** The host of a link to another site that is not a trusted host. */
    private Optional<String> untrustedExternal(String href, String pageUrl) {
        if (!Hosts.external(href, pageUrl)) {
            return Optional.empty();
        }
        return Hosts.host(href).filter(h -> !rules.trusted(h));
    }

    private static String kind(String signal) {
        int colon = signal.indexOf(':');
        return colon < 0 ? signal : signal.substring(0, colon);
    }
}

package cn.xunjian.darklink;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.check.HomePageCheck;
import cn.xunjian.check.CheckContext;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * W-V1 暗链 on a rendered page: a link (or frame) a citizen cannot see that points to another site or carries
 * gambling/porn/fake-certificate wording (DL-CORE: hidden ∧ (external ∨ spam keyword)). Hidden links to the site
 * itself (drop-down menus, skip links, collapsed accordions) and to trusted hosts (other government sites,
 * statistics badges) are normal and never reported. Visible links whose text or title carries spam wording are
 * reported too ({@code darklink.spam-visible}).
 */
public final class HiddenLinkCheck implements HomePageCheck {
    public static final String INDICATOR = "W-V1";
    public static final String HIDDEN = "darklink.hidden";
    public static final String SPAM_VISIBLE = "darklink.spam-visible";

    private final HiddenLinkRules rules;
    private final SpamKeywords keywords;
    private final LinkVisibility visibility;

    public HiddenLinkCheck() {
        this(HiddenLinkRules.standard(), SpamKeywords.standard());
    }

    public HiddenLinkCheck(HiddenLinkRules rules, SpamKeywords keywords) {
        this.rules = rules;
        this.keywords = keywords;
        this.visibility = new LinkVisibility(rules);
    }

    @Override
    public String name() {
        return "darklink";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        return inspect(context.page(), context.evidence());
    }

    /**
     * Classifies every link of the rendered {@code page} and returns one VETO finding per 暗链 or visible spam
     * link (at most {@code maxFindingsPerPage}, then one summary finding), each with the element outlined on a
     * screenshot (the full page when a hidden element cannot be outlined), its markup and computed style, and
     * the rendered page source.
     */
    public List<Finding> inspect(AuditPage page, SiteEvidence evidence) {
        String pageUrl = page.url();
        List<ClassifiedLink> links = visibility.classify(page);
        List<Finding> findings = new ArrayList<>();
        Shared shared = new Shared(page, evidence);
        int over = 0;
        for (ClassifiedLink link : links) {
            Optional<String> why = verdict(link, pageUrl);
            if (why.isEmpty()) {
                continue;
            }
            if (findings.size() >= rules.maxFindingsPerPage()) {
                over++;
                continue;
            }
            String kind = link.hidden() ? HIDDEN : SPAM_VISIBLE;
            findings.add(Finding.about(INDICATOR, kind, Severity.VETO, link.href(), link.href(), message(link, why.get()),
                    evidence(link, shared)));
        }
        if (over > 0) {
            findings.add(new Finding(INDICATOR, HIDDEN, Severity.VETO, pageUrl,
                    "该页另有" + over + "个暗链或违规链接未逐一列出", List.of(shared.pageSource())));
        }
        return findings;
    }

    /** Why the link is reported (external target, spam wording), or empty when it is not. */
    private Optional<String> verdict(ClassifiedLink link, String pageUrl) {
        if (link.hidden()) {
            SpamKeywords.Match spam = keywords.scan(link.text(), link.href(), link.title());
            if (spam.spam()) {
                return Optional.of("含" + String.join("、", spam.categories()) + "关键词“"
                        + String.join("”“", spam.terms()) + "”");
            }
            boolean external = Hosts.external(link.href(), pageUrl)
                    && Hosts.host(link.href()).map(h -> !rules.trusted(h)).orElse(false);
            return external ? Optional.of("指向外部网站 " + Hosts.host(link.href()).orElse("")) : Optional.empty();
        }
        SpamKeywords.Match spam = keywords.scan(link.text(), link.title());
        return spam.spam()
                ? Optional.of("含" + String.join("、", spam.categories()) + "关键词“" + String.join("”“", spam.terms()) + "”")
                : Optional.empty();
    }

    private String message(ClassifiedLink link, String why) {
        String what = link.tag().equals("a") ? "链接" : "框架";
        String text = link.text().isBlank() ? "（无文字）" : "“" + link.text() + "”";
        if (!link.hidden()) {
            return "页面上有违规" + what + text + " → " + link.href() + "，" + why;
        }
        String how = link.reasons().stream().map(rules::label).distinct().collect(Collectors.joining("、"));
        String where = link.ancestors().isEmpty() ? "" : "（" + link.ancestors().get(0) + "）";
        return "页面存在暗链（隐藏" + what + "）" + text + " → " + link.href() + "，" + why + "；隐藏方式：" + how + where;
    }

    private List<Evidence> evidence(ClassifiedLink link, Shared shared) {
        List<Evidence> out = new ArrayList<>();
        Optional<byte[]> outlined = link.hidden() ? Optional.empty() : shared.page.outlinedScreenshot(link.selector());
        if (outlined.isEmpty() && link.hidden() && !link.reasons().contains("no-box")
                && !link.reasons().contains("noscript")) {
            // a box that exists (off-page, clipped, covered) can often still be outlined where it sits
            outlined = shared.page.outlinedScreenshot(link.selector());
        }
        out.add(outlined.map(png -> shared.evidence.screenshot("darklink-element", png, shared.page.url()))
                .orElseGet(shared::fullPage));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("href", link.href());
        record.put("text", link.text());
        record.put("title", link.title());
        record.put("hidden", link.hidden());
        record.put("reasons", link.reasons());
        record.put("reasonLabels", link.reasons().stream().map(rules::label).toList());
        record.put("ancestors", link.ancestors());
        record.put("computedStyle", link.style());
        record.put("selector", link.selector());
        record.put("frame", link.frame());
        record.put("outerHTML", link.outerHtml());
        out.add(shared.evidence.json("html", "darklink-element", record, shared.page.url()));
        out.add(shared.pageSource());
        return out;
    }

    /** Evidence every finding of one page shares, saved once. */
    private static final class Shared {
        final AuditPage page;
        final SiteEvidence evidence;
        private Evidence fullPage;
        private Evidence source;

        Shared(AuditPage page, SiteEvidence evidence) {
            this.page = page;
            this.evidence = evidence;
        }

        Evidence fullPage() {
            if (fullPage == null) {
                fullPage = evidence.screenshot("darklink-page", page.screenshot(), page.url());
            }
            return fullPage;
        }

        Evidence pageSource() {
            if (source == null) {
                source = evidence.html("darklink-rendered", page.html(), page.url());
            }
            return source;
        }
    }
}

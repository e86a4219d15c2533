package cn.xunjian.text;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.model.Finding;
import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageContext;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Wording errors in a page's visible text: serious errors and wrong political formulations (W-V1, a veto),
 * ordinary typos and outdated institution names (W-D5). One finding per rule and page; the phrase is boxed on a
 * screenshot of the rendered page, at most {@link WordingRules#maxScreenshotsPerSite()} per site and one per
 * phrase (later pages with the same phrase reuse it).
 */
public final class WordingCheck implements PageCheck {
    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy年M月", Locale.ROOT);

    private final WordingMatcher matcher;
    private final WordingAllowList allow;
    private final PublishDate publishDate;
    /** Screenshots taken per site audit; keyed by the site's evidence store, which lives as long as the audit. */
    private final Map<SiteEvidence, Shots> shots = new WeakHashMap<>();

    /** The bundled rules and allow list. */
    public WordingCheck() {
        this(WordingRules.standard(), WordingAllowList.standard());
    }

    public WordingCheck(WordingRules rules, WordingAllowList allow) {
        this.matcher = new WordingMatcher(rules);
        this.allow = allow;
        this.publishDate = new PublishDate(rules.publishDate());
    }

    @Override
    public String name() {
        return "wording";
    }

    @Override
    public String indicator() {
        return "W-V1";
    }

    @Override
    public List<Finding> check(SitePage page, PageContext context) {
        String text = PageText.of(page.html());
        Optional<LocalDate> published = publishDate.of(page.url(), page.html());
        List<WordingHit> hits = matcher.scan(text, published, allow.phrasesFor(context.site().siteCode()));
        List<Finding> findings = new ArrayList<>();
        for (WordingHit hit : hits) {
            WordingRule rule = hit.rule();
            findings.add(Finding.about(rule.indicator(), rule.kind().findingKind(),
                    rule.serious() ? Severity.VETO : Severity.DEDUCT, page.url(), hit.phrase(), message(hit),
                    evidence(hit.phrase(), page.url(), context))
                    .with("wrong", hit.phrase()).with("right", rule.right()));
        }
        return findings;
    }

    static String message(WordingHit hit) {
        WordingRule r = hit.rule();
        String what = switch (r.kind()) {
            case serious -> "严重表述错误";
            case formulation -> r.serious() ? "重要提法错误" : "提法不规范";
            case typo -> "错别字";
            case outdated_name -> "名称已过时";
        };
        String fix = r.kind() == WordingRule.Kind.outdated_name && r.changedOn().isPresent()
                ? "（" + r.changedOn().get().format(CHANGED) + "起）应为“" + r.right() + "”"
                : "应为“" + r.right() + "”";
        String count = hit.count() > 1 ? "（本页共" + hit.count() + "处）" : "";
        return what + "：“" + hit.phrase() + "”" + fix + count + "。原句：“" + hit.sentence() + "”";
    }

    private List<Evidence> evidence(String phrase, String url, PageContext context) {
        Shots site;
        synchronized (shots) {
            site = shots.computeIfAbsent(context.evidence(), k -> new Shots());
        }
        synchronized (site) {
            Evidence known = site.byPhrase.get(phrase);
            if (known != null) {
                return List.of(known);
            }
            if (site.taken >= matcher.rules().maxScreenshotsPerSite()) {
                return List.of();
            }
            Optional<byte[]> png = context.renderer().render(url).flatMap(p -> highlighted(p, phrase));
            if (png.isEmpty()) {
                return List.of();
            }
            site.taken++;
            Evidence e = context.evidence().screenshot("wording", png.get(), url);
            site.byPhrase.put(phrase, e);
            return List.of(e);
        }
    }

    private static Optional<byte[]> highlighted(AuditPage page, String phrase) {
        return page.highlightedScreenshot(phrase);
    }

    private static final class Shots {
        int taken;
        final Map<String, Evidence> byPhrase = new HashMap<>();
    }
}

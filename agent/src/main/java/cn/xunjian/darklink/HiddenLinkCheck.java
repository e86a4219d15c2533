package cn.xunjian.darklink;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.check.CheckContext;
import cn.xunjian.check.HomePageCheck;
import cn.xunjian.crawl.CharsetDetector;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * W-V1 暗链 on a rendered page, judged by intent ({@link LinkIntent}): a link (or frame) a citizen cannot see is a
 * 暗链 (veto) when its text, title or target carries gambling, porn, fake-certificate or SEO wording, or when it
 * goes to another site in a shape only injected links take (zero-size or same-colour text, a tiny marquee, a hidden
 * block of many unrelated sites, a place after the page's {@code </body>} or {@code </html>}). Hidden page
 * furniture (menus, drop-downs, tabs, carousels, share buttons, browser-upgrade tips, copies of visible links,
 * blocks for another screen width) and hidden links to the site itself or to trusted hosts are nothing. Any other
 * hidden link to another site is a 疑似暗链 (warn, no deduction) with its evidence for a person to judge. Visible
 * links whose text or title carries spam wording, and visible links with spam wording anywhere that the served
 * source has after its end, are reported too ({@code darklink.spam-visible}).
 */
public final class HiddenLinkCheck implements HomePageCheck {
    public static final String INDICATOR = "W-V1";
    public static final String HIDDEN = "darklink.hidden";
    public static final String SPAM_VISIBLE = "darklink.spam-visible";
    public static final String SUSPECTED = "darklink.suspected";

    private final HiddenLinkRules rules;
    private final LinkVisibility visibility;
    private final LinkIntent intent;

    public HiddenLinkCheck() {
        this(HiddenLinkRules.standard(), SpamKeywords.standard(), BenignUi.standard());
    }

    public HiddenLinkCheck(HiddenLinkRules rules, SpamKeywords keywords, BenignUi benign) {
        this.rules = rules;
        this.visibility = new LinkVisibility(rules, benign);
        this.intent = new LinkIntent(rules, keywords, benign);
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
     * Classifies every link of the rendered {@code page}, reads the served source for what follows its end, and
     * returns one VETO finding per 暗链 or spam link and one WARN finding per 疑似暗链 (at most
     * {@code maxFindingsPerPage} of each, then one summary finding), each with the element outlined on a
     * screenshot (the full page when a hidden element cannot be outlined), its markup, computed style and the
     * reasons of the verdict, and the rendered page source (and the served tail for links after the end).
     */
    public List<Finding> inspect(AuditPage page, SiteEvidence evidence) {
        String pageUrl = page.url();
        SourceTail tail = page.fetch(pageUrl).map(b -> SourceTail.of(CharsetDetector.decode(b, null), pageUrl))
                .orElse(SourceTail.NONE);
        List<ClassifiedLink> links = new ArrayList<>(visibility.classify(page));
        for (SourceTail.Link t : tail.links()) {
            if (links.stream().noneMatch(l -> l.href().equals(t.href()))) {
                // in the source after its end but not on the rendered page (a script took it out): spiders see it
                links.add(new ClassifiedLink(-1, "a", t.href(), t.text(), t.title(), "", "", false, List.of(),
                        List.of(), Map.of(), "", false, null));
            }
        }
        List<LinkIntent.Verdict> verdicts = intent.judge(links, pageUrl, tail);
        Shared shared = new Shared(page, evidence, tail);
        List<Finding> vetoes = new ArrayList<>();
        List<Finding> suspects = new ArrayList<>();
        int overVeto = 0;
        int overSuspect = 0;
        for (int i = 0; i < links.size(); i++) {
            ClassifiedLink link = links.get(i);
            LinkIntent.Verdict verdict = verdicts.get(i);
            boolean afterEnd = tail.contains(link.href());
            if (verdict instanceof LinkIntent.Spam s) {
                if (vetoes.size() >= rules.maxFindingsPerPage()) {
                    overVeto++;
                } else {
                    vetoes.add(finding(link, link.hidden() ? HIDDEN : SPAM_VISIBLE, Severity.VETO,
                            spamMessage(link, s.match(), afterEnd), verdict, afterEnd, shared)
                            .with("category", String.join("、", s.match().categories())));
                }
            } else if (verdict instanceof LinkIntent.Injected inj) {
                if (vetoes.size() >= rules.maxFindingsPerPage()) {
                    overVeto++;
                } else {
                    vetoes.add(finding(link, HIDDEN, Severity.VETO,
                            hiddenMessage(link, "指向外部网站 " + inj.host() + "，" + inj.shape()), verdict, afterEnd,
                            shared));
                }
            } else if (verdict instanceof LinkIntent.Suspected sus) {
                if (suspects.size() >= rules.maxFindingsPerPage()) {
                    overSuspect++;
                } else {
                    suspects.add(finding(link, SUSPECTED, Severity.WARN, suspectMessage(link, sus.host(), afterEnd),
                            verdict, afterEnd, shared));
                }
            }
        }
        List<Finding> findings = new ArrayList<>(vetoes);
        if (overVeto > 0) {
            findings.add(new Finding(INDICATOR, HIDDEN, Severity.VETO, pageUrl,
                    "该页另有" + overVeto + "个暗链或违规链接未逐一列出", List.of(shared.pageSource())));
        }
        findings.addAll(suspects);
        if (overSuspect > 0) {
            findings.add(new Finding(INDICATOR, SUSPECTED, Severity.WARN, pageUrl,
                    "该页另有" + overSuspect + "个疑似暗链未逐一列出", List.of(shared.pageSource())));
        }
        return findings;
    }

    private Finding finding(ClassifiedLink link, String kind, Severity severity, String message,
                            LinkIntent.Verdict verdict, boolean afterEnd, Shared shared) {
        return Finding.about(INDICATOR, kind, severity, link.href(), link.href(), message,
                evidence(link, verdict, afterEnd, shared))
                .with("text", link.text().isBlank() ? null : link.text().strip()).with("page", shared.page.url());
    }

    private String spamMessage(ClassifiedLink link, SpamKeywords.Match spam, boolean afterEnd) {
        String why = spam.reason();
        if (link.hidden()) {
            return hiddenMessage(link, why + (afterEnd ? "，" + rules.label("after-end") : ""));
        }
        String where = afterEnd ? "，" + rules.label("after-end") : "";
        return "页面上有违规" + what(link) + text(link) + " → " + link.href() + "，" + why + where;
    }

    private String hiddenMessage(ClassifiedLink link, String why) {
        return "页面存在暗链（隐藏" + what(link) + "）" + text(link) + " → " + link.href() + "，" + why + how(link);
    }

    private String suspectMessage(ClassifiedLink link, String host, boolean afterEnd) {
        if (!link.hidden()) {
            return "疑似暗链：" + what(link) + text(link) + " → " + link.href() + rules.label("after-end")
                    + "，指向外部网站 " + host + "，未见赌博、色情或推广内容，请人工核实";
        }
        return "疑似暗链：隐藏" + what(link) + text(link) + " → " + link.href() + " 指向外部网站 " + host
                + "，未见赌博、色情或推广内容，也不像菜单、下拉列表、分享按钮等页面组件，请人工核实" + how(link);
    }

    private static String what(ClassifiedLink link) {
        return link.tag().equals("a") ? "链接" : "框架";
    }

    private static String text(ClassifiedLink link) {
        return link.text().isBlank() ? "（无文字）" : "“" + link.text() + "”";
    }

    private String how(ClassifiedLink link) {
        if (!link.hidden()) {
            return "";
        }
        String how = link.reasons().stream().map(rules::label).distinct().collect(Collectors.joining("、"));
        String where = link.ancestors().isEmpty() ? "" : "（" + link.ancestors().get(0) + "）";
        return "；隐藏方式：" + how + where;
    }

    private List<Evidence> evidence(ClassifiedLink link, LinkIntent.Verdict verdict, boolean afterEnd,
                                    Shared shared) {
        List<Evidence> out = new ArrayList<>();
        Optional<byte[]> outlined = Optional.empty();
        boolean outlinable = !link.selector().isEmpty()
                && (!link.hidden() || (!link.reasons().contains("no-box") && !link.reasons().contains("noscript")));
        if (outlinable) {
            // a hidden box that exists (off-page, clipped, covered) can often still be outlined where it sits
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
        record.put("verdict", verdict.getClass().getSimpleName());
        record.put("afterEndOfSource", afterEnd);
        if (link.hider() != null) {
            Map<String, Object> hider = new LinkedHashMap<>();
            hider.put("element", link.hider().element());
            hider.put("text", link.hider().text());
            hider.put("revealedBy", link.hider().revealed());
            record.put("hidingElement", hider);
        }
        out.add(shared.evidence.json("html", "darklink-element", record, shared.page.url()));
        out.add(shared.pageSource());
        if (afterEnd) {
            out.add(shared.tail());
        }
        return out;
    }

    /** Evidence every finding of one page shares, saved once. */
    private static final class Shared {
        final AuditPage page;
        final SiteEvidence evidence;
        final SourceTail sourceTail;
        private Evidence fullPage;
        private Evidence source;
        private Evidence tail;

        Shared(AuditPage page, SiteEvidence evidence, SourceTail sourceTail) {
            this.page = page;
            this.evidence = evidence;
            this.sourceTail = sourceTail;
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

        Evidence tail() {
            if (tail == null) {
                tail = evidence.text("html", "darklink-source-tail", "<!-- 页面源码第" + sourceTail.line()
                        + "行起，位于 </body> 或 </html> 之后 -->\n" + sourceTail.html(), page.url());
            }
            return tail;
        }
    }
}

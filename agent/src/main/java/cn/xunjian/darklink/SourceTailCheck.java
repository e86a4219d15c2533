package cn.xunjian.darklink;

import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import java.util.ArrayList;
import java.util.List;

/**
 * W-V1 on every crawled page beyond the home page: links with gambling, porn or SEO wording that the served HTML has
 * after its {@code </body>} or {@code </html>}, where injected blocks are appended so that editors, who look at the
 * template, never see them. The home page is judged in full in the rendered page by {@link HiddenLinkCheck}; on the
 * other pages only the source is read, so this needs no browser. Links there without spam wording raise nothing:
 * without a rendering their visibility and intent cannot be judged.
 */
public final class SourceTailCheck implements PageCheck {
    public static final String KIND = "darklink.after-end";

    private final HiddenLinkRules rules;
    private final SpamKeywords keywords;

    public SourceTailCheck() {
        this(HiddenLinkRules.standard(), SpamKeywords.standard());
    }

    public SourceTailCheck(HiddenLinkRules rules, SpamKeywords keywords) {
        this.rules = rules;
        this.keywords = keywords;
    }

    @Override
    public String name() {
        return "darklink-source-tail";
    }

    @Override
    public String indicator() {
        return HiddenLinkCheck.INDICATOR;
    }

    @Override
    public List<Finding> check(SitePage page, PageContext context) {
        if (page.home()) {
            return List.of();
        }
        SourceTail tail = SourceTail.of(page.html(), page.url());
        List<Finding> findings = new ArrayList<>();
        Evidence source = null;
        int over = 0;
        for (SourceTail.Link link : tail.links()) {
            SpamKeywords.Match spam = keywords.scan(link.text(), link.href(), link.title());
            if (!spam.spam()) {
                continue;
            }
            if (findings.size() >= rules.maxFindingsPerPage()) {
                over++;
                continue;
            }
            if (source == null) {
                source = context.evidence().text("html", "darklink-source-tail", "<!-- " + page.url() + " 页面源码第"
                        + tail.line() + "行起，位于 </body> 或 </html> 之后 -->\n" + tail.html(), page.url());
            }
            String text = link.text().isBlank() ? "" : "“" + link.text().strip() + "”";
            findings.add(Finding.about(HiddenLinkCheck.INDICATOR, KIND, Severity.VETO, page.url(), link.href(),
                    "页面源码中" + rules.label("after-end") + "有违规链接" + text + " → " + link.href() + "，"
                            + spam.reason(), List.of(source))
                    .with("text", link.text().isBlank() ? null : link.text().strip()).with("page", page.url())
                    .with("category", String.join("、", spam.categories())));
        }
        if (over > 0) {
            findings.add(new Finding(HiddenLinkCheck.INDICATOR, KIND, Severity.VETO, page.url(),
                    "该页源码末尾另有" + over + "个违规链接未逐一列出", List.of(source)));
        }
        return findings;
    }
}

package cn.xunjian.darklink;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.check.Renderer;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.TargetPreview;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 外链被劫持: links of the site to pages of other sites whose targets now serve gambling, porn or other spam - the
 * expired friend-link domain re-registered by a gambling site. Judged on what the crawl kept of each target (title,
 * keywords, description, opening text), on strong terms only: a whole page's text meets weak words by chance.
 */
final class HijackedOutlinks {
    static final String KIND = "hijack.outlink";

    private final SpamKeywords spam;
    private final int screenshots;

    HijackedOutlinks(SpamKeywords spam, int screenshots) {
        this.spam = spam;
        this.screenshots = screenshots;
    }

    /**
     * One VETO finding per link whose target is spam, with the link and what its target showed as evidence and, for
     * the first {@code screenshots} of them, a screenshot of the target.
     */
    List<Finding> inspect(List<CheckedLink> links, Renderer renderer, SiteEvidence evidence) {
        List<Finding> findings = new ArrayList<>();
        int shots = 0;
        for (CheckedLink link : links) {
            TargetPreview p = link.preview();
            if (p == null) {
                continue;
            }
            SpamKeywords.Match match = spam.scanStrong(p.title(), p.keywords(), p.description(), p.text());
            if (!match.spam()) {
                continue;
            }
            List<Evidence> proof = new ArrayList<>();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("url", link.url());
            record.put("linkText", link.text());
            record.put("linkedFrom", link.sourceUrl());
            record.put("status", link.status());
            record.put("targetTitle", p.title());
            record.put("targetKeywords", p.keywords());
            record.put("targetDescription", p.description());
            record.put("targetText", p.text());
            record.put("terms", match.terms());
            proof.add(evidence.json("http", "outlink-target", record, link.url()));
            if (shots < screenshots) {
                Optional<byte[]> shot = renderer.render(link.url()).map(AuditPage::screenshot);
                if (shot.isPresent()) {
                    proof.add(evidence.screenshot("outlink-target", shot.get(), link.url()));
                    shots++;
                }
            }
            String text = link.text() == null || link.text().isBlank() ? "（无文字）" : "“" + link.text().strip() + "”";
            String keywords = p.keywords().isEmpty() ? "" : "，关键词“" + p.keywords() + "”";
            findings.add(Finding.about(HijackCheck.INDICATOR, KIND, Severity.VETO, link.url(), link.url(),
                    "外链被劫持：链接" + text + " → " + link.url() + " 的目标网站现为"
                            + String.join("、", match.categories()) + "内容（标题“" + p.title() + "”" + keywords
                            + "，含关键词“" + String.join("”“", match.terms()) + "”），位于 " + link.sourceUrl(),
                    proof).with("text", link.text() == null || link.text().isBlank() ? null : link.text().strip())
                    .with("page", link.sourceUrl()).with("category", String.join("、", match.categories())));
        }
        return findings;
    }
}

package cn.xunjian.audit;

import cn.xunjian.model.Finding;
import cn.xunjian.check.PageCheckRunner;
import cn.xunjian.check.Renderer;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.CrawlLimits;
import cn.xunjian.crawl.CrawlListener;
import cn.xunjian.crawl.CrawlResult;
import cn.xunjian.crawl.HttpPageSource;
import cn.xunjian.crawl.LinkKind;
import cn.xunjian.crawl.SiteCrawler;
import cn.xunjian.crawl.UnverifiedLinks;
import cn.xunjian.model.Evidence;
import cn.xunjian.net.HttpStack;
import cn.xunjian.evidence.SiteEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole-site part of an audit: one breadth-first crawl whose every page goes through the page checks and
 * into the page source later checks read from; links broken beyond the home page become W-D1 findings (the home
 * page's own links were judged on the rendered page, at a higher price each).
 */
final class SiteCrawlPhase {
    static final String LINKS = "W-D1";

    private final AuditSettings settings;
    private final HttpStack http;

    SiteCrawlPhase(AuditSettings settings, HttpStack http) {
        this.settings = settings;
        this.http = http;
    }

    /**
     * What the crawl came to: every finding in report order (the page checks' findings page by page, their
     * errors, the broken links, the summary), how many links beyond the home page were broken, the links to other
     * sites whose targets were previewed, and the attachments it checked (for the checks that read them after the
     * crawl).
     */
    record Crawled(List<Finding> findings, int brokenBeyondHome, List<CheckedLink> previewed,
                   List<CheckedLink> attachments) {
    }

    Crawled run(String siteUrl, PageCheckRunner checks, HttpPageSource pages, Renderer renderer,
                      SiteEvidence evidence) throws InterruptedException {
        AuditLimits limits = settings.limits();
        CrawlLimits crawlLimits = settings.crawlLimits();
        List<Finding> findings = new ArrayList<>();
        List<CheckedLink> previewed = new ArrayList<>();
        List<CheckedLink> attachments = new ArrayList<>();
        UnverifiedLinks unverified = new UnverifiedLinks();
        CrawlResult result;
        try (SiteCrawler crawler = new SiteCrawler(crawlLimits, http)) {
            result = crawler.crawl(siteUrl, new CrawlListener() {
                @Override
                public void page(SitePage page) {
                    pages.offer(page);
                    findings.addAll(checks.run(page));
                }

                @Override
                public boolean previewsTargets() {
                    return true;
                }

                @Override
                public void link(CheckedLink link) {
                    if (!link.fromHome() && !link.sourceUrl().isEmpty()) {
                        unverified.add(link.status()); // the home page's own were told of with the home page
                    }
                    if (link.preview() != null) {
                        previewed.add(link);
                    }
                    if (link.kind() == LinkKind.ATTACHMENT) {
                        attachments.add(link);
                    }
                }
            });
        }
        findings.addAll(checks.errors());
        int shots = 0;
        int beyondHome = 0;
        for (CheckedLink link : result.broken()) {
            if (link.fromHome() || link.sourceUrl().isEmpty()) {
                continue; // the home page's links were judged rendered; a broken start page is W-V2's
            }
            String text = link.text() == null ? "" : link.text().strip();
            beyondHome++;
            List<Evidence> proof = new ArrayList<>();
            proof.add(evidence.json("http", "link-broken", link, link.url()));
            if (shots < limits.brokenLinkScreenshots() && !text.isEmpty()) {
                Optional<byte[]> shot = renderer.render(link.sourceUrl())
                        .flatMap(page -> page.highlightedScreenshot(text));
                if (shot.isPresent()) {
                    proof.add(evidence.screenshot("link-broken", shot.get(), link.sourceUrl()));
                    shots++;
                }
            }
            // a missing anchor is its own kind of broken link: the page opens, the place on it does not exist
            String kind = link.kind() == LinkKind.ANCHOR ? "link.fragment" : "link.broken";
            findings.add(Finding.about(LINKS, kind, Severity.DEDUCT, link.url(), link.url(),
                    String.format(Locale.ROOT, "页面%s不可用：“%s” → %s（%s），位于 %s", link.kind().label(),
                            text.isEmpty() ? "（无文字）" : text, link.url(), link.status().describe(),
                            link.sourceUrl()), proof).with("text", text.isEmpty() ? null : text)
                    .with("what", link.kind().label()).with("status", link.status().describe())
                    .with("page", link.sourceUrl()));
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "全站抓取 %d 个页面，检查 %d 个链接、图片和附件，首页以外发现 %d 个不可用", result.pages(),
                result.links(), beyondHome));
        if (result.truncated()) {
            summary.append("；已达抓取上限（").append(crawlLimits.maxPages()).append(" 页），其余页面未检查");
        }
        for (String note : result.notes()) {
            summary.append("；").append(note);
        }
        unverified.lines("首页以外").forEach((why, lines) -> lines.forEach(line -> findings.add(new Finding(LINKS,
                "link." + why.name().toLowerCase(Locale.ROOT), Severity.INFO, siteUrl, line, List.of()))));
        findings.add(new Finding(LINKS, "crawl.summary", Severity.INFO, siteUrl, summary.toString(), List.of()));
        return new Crawled(findings, beyondHome, previewed, attachments);
    }
}

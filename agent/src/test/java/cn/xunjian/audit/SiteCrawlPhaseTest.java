package cn.xunjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.check.PageCheckRunner;
import cn.xunjian.check.PageContext;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.HttpPageSource;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Finding;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCrawlPhaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /**
     * A 公示 page with its attachments as the TRS editor inserts them ({@code p.insertfileTag}, {@code a[appendix]}
     * with a dead {@code oldsrc}), as a public scraping note records them for shj.xining.gov.cn.
     */
    private static final String NOTICE = """
            <html><head><meta charset="utf-8"><title>临时救助对象公示</title></head><body>
            <div class="view TRS_UEDITOR trs_paper_default trs_web">
            <p>现将2026年10月临时救助对象予以公示。</p>
            <p class="insertfileTag"><a appendix="true" otheroperation="false" href="./P020261015423761510808.xlsx"
               title="2026年10月临时救助对象名单.xlsx"
               oldsrc="/protect/P0202610/P020261015/P020261015423761510808.xlsx">2026年10月临时救助对象名单.xlsx</a></p>
            <p class="insertfileTag"><a appendix="true" href="./P020261015000000000001.pdf">申请表.pdf</a></p>
            <p><a href="/index.html">返回首页</a></p>
            </div></body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void theCrawlHandsOnEveryAttachmentItCheckedAndNoPage() throws Exception {
        try (FixtureServer server = new FixtureServer();
             HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            server.html("/gs/", NOTICE).html("/index.html", "<html><body>首页</body></html>")
                    .bytes("/gs/P020261015423761510808.xlsx", "application/octet-stream", new byte[] {1, 2, 3});
            AuditSettings settings = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY);
            SiteFile site = new SiteFile("临江县人民政府", "3301850031", server.url("/gs/"), null, null, null, null, null);
            SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "linjiang");
            PageCheckRunner checks = new PageCheckRunner(List.of(),
                    new PageContext(site, evidence, url -> Optional.empty(), CLOCK));
            SiteCrawlPhase.Crawled crawled;
            try (HttpPageSource pages = new HttpPageSource(settings.crawlLimits(), http, 1_000_000)) {
                crawled = new SiteCrawlPhase(settings, http).run(site.url(), checks, pages, url -> Optional.empty(),
                        evidence);
            }
            assertThat(crawled.attachments()).extracting(CheckedLink::url, CheckedLink::broken).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(server.url("/gs/P020261015423761510808.xlsx"), false),
                    org.assertj.core.groups.Tuple.tuple(server.url("/gs/P020261015000000000001.pdf"), true));
            assertThat(crawled.attachments()).allSatisfy(a -> assertThat(a.sourceUrl()).isEqualTo(server.url("/gs/")));
        }
    }

    @Test
    void theWholeSiteIsCrawledByDefaultAndASitesCapStopsTheCrawlWithANote() throws Exception {
        try (FixtureServer server = new FixtureServer();
             HttpStack http = HttpStack.of(NetworkScope.LOOPBACK_ONLY)) {
            StringBuilder home = new StringBuilder("<html><body><ul>");
            for (int i = 1; i <= 5; i++) {
                server.html("/p" + i + ".html", "<html><body>第" + i + "页</body></html>");
                home.append("<li><a href=\"/p").append(i).append(".html\">第").append(i).append("页</a></li>");
            }
            server.html("/", home.append("</ul></body></html>").toString());
            SiteFile site = SiteFile.of("临江县人民政府", server.url("/"));
            AuditSettings whole = AuditSettings.standard(NetworkScope.LOOPBACK_ONLY);
            assertThat(whole.crawlLimits().maxPages()).as("the safety cap, not a depth").isEqualTo(200_000);
            assertThat(crawl(whole, site, http).findings()).extracting(Finding::message)
                    .noneMatch(m -> m.contains("抓取上限"));
            assertThat(crawl(whole.withMaxPages(3), site, http).findings()).extracting(Finding::message)
                    .anyMatch(m -> m.contains("已达抓取上限（3 页）"));
        }
    }

    private SiteCrawlPhase.Crawled crawl(AuditSettings settings, SiteFile site, HttpStack http) throws Exception {
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "linjiang");
        PageCheckRunner checks = new PageCheckRunner(List.of(), new PageContext(site, evidence, url -> Optional.empty(),
                CLOCK));
        try (HttpPageSource pages = new HttpPageSource(settings.crawlLimits(), http, 1_000_000)) {
            return new SiteCrawlPhase(settings, http).run(site.url(), checks, pages, url -> Optional.empty(), evidence);
        }
    }
}

package cn.xunjian.newmedia;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFile.NewMediaAccount;
import cn.xunjian.testing.FixtureServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMediaCheckTest {
    /** 2026-11-23 10:00 in Shanghai, while it is still 2026-11-23 in UTC too. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    private final Map<String, PostFetcher.Fetched> pages = new HashMap<>();
    private final PostFetcher fetcher = url -> pages.getOrDefault(url, new PostFetcher.Failed("连接被拒绝"));
    private final NewMediaCheck check = new NewMediaCheck(NewMediaRules.standard(), fetcher);

    private static String list(String... dates) {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><h1>文章列表</h1>"
                + "<ul class=\"list\">");
        int i = 0;
        for (String d : dates) {
            sb.append("<li><a href=\"/a/").append(i++).append(".html\">关于做好冬季安全生产工作的通知（").append(i)
                    .append("）</a><span>").append(d).append("</span></li>");
        }
        return sb.append("</ul><div class=\"footer\">版权所有 © 2026 临江县人民政府 电话：0571-12345678</div></body></html>")
                .toString();
    }

    private void page(String url, String body) {
        pages.put(url, new PostFetcher.Body(url, 200, body));
    }

    private List<Finding> run(NewMediaAccount... accounts) {
        SiteFile site = new SiteFile("临江县人民政府", null, "http://127.0.0.1/", null, null, null, List.of(accounts),
                null);
        return check.check(site, CLOCK, new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01"), fetcher);
    }

    private static NewMediaAccount account(String name, String platform, String url) {
        return new NewMediaAccount(name, platform, url);
    }

    @Test
    void anAccountThatPostedTwoDaysAgoIsFreshAndCarriesItsListAsEvidence() throws Exception {
        page("http://m/fresh", list("2026-11-21", "2026-11-15", "2026-11-02"));

        List<Finding> findings = run(account("临江发布", "wechat", "http://m/fresh"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("newmedia.fresh");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("临江发布", "微信公众号", "2026-11-21", "已 2 天");
            assertThat(f.evidence()).extracting(e -> e.type()).containsExactly("html", "http");
        });
        String record = Files.readString(dir.resolve(findings.get(0).evidence().get(1).path()));
        assertThat(record).contains("\"lastPost\" : \"2026-11-21\"", "关于做好冬季安全生产工作的通知");
    }

    @Test
    void anAccountSilentForTwentyDaysIsAnM_V2VetoForStalenessBeyondTwoWeeks() {
        page("http://m/20", list("2026年11月3日", "2026年10月20日"));

        List<Finding> findings = run(account("三原宣传", "weibo", "http://m/20"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-V2");
            assertThat(f.kind()).isEqualTo("newmedia.stale-2w");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("超过两周未更新", "2026-11-03", "已 20 天");
        });
    }

    @Test
    void anAccountSilentForTwoHundredDaysIsLongStale() {
        page("http://m/200", list("2026/05/07", "2026/04/01"));

        List<Finding> findings = run(account("咸阳市农业局", "weibo", "http://m/200"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("newmedia.long-stale");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("长期未更新", "2026-05-07", "已 200 天");
        });
    }

    @Test
    void aPostExactlyFourteenDaysOldIsStillInsideTheVetoWindowButSlowerThanAWeeklyRule() {
        page("http://m/14", list("11-09", "10-30"));

        List<Finding> findings = run(account("临江文旅", "douyin", "http://m/14"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("M-D2");
            assertThat(f.kind()).isEqualTo("newmedia.slow");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("2026-11-09", "已 14 天");
        });
    }

    @Test
    void yearLessDatesAfterTodayAreReadAsLastYear() {
        page("http://m/dec", list("12-20", "12-01"));

        List<Finding> findings = run(account("临江交警", "weibo", "http://m/dec"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("newmedia.long-stale");
            assertThat(f.message()).contains("2025-12-20");
        });
    }

    @Test
    void anUnreadableListIsAWarningWithItsReasonNotAVerdict() {
        pages.put("http://m/404", new PostFetcher.Body("http://m/404", 404, "<html><body>页面不存在</body></html>"));
        page("http://m/undated", "<html><body><ul><li><a href=\"/x\">没有日期的文章</a></li></ul></body></html>");

        List<Finding> findings = run(account("已关停账号", "wechat", "http://m/404"),
                account("无日期账号", "wechat", "http://m/undated"),
                account("连不上", "wechat", "http://m/refused"));

        assertThat(findings).extracting(Finding::kind).containsOnly("newmedia.unreadable");
        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.WARN);
        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("HTTP 404"),
                m -> assertThat(m).contains("没有找到带发布日期"),
                m -> assertThat(m).contains("连接被拒绝"));
    }

    @Test
    void anRssFeedIsReadByItsPubDatesInShanghaiTime() {
        // 2026-11-08T17:30Z is 2026-11-09 01:30 in Shanghai: 14 days, not 15.
        pages.put("http://m/rss", new PostFetcher.Body("http://m/rss", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>临江发布</title>
                <item><title>临江县召开冬季防火工作会议</title><link>http://m/p/2</link>
                  <pubDate>Sun, 08 Nov 2026 17:30:00 GMT</pubDate></item>
                <item><title>临江县秋收工作顺利完成</title><link>http://m/p/1</link>
                  <pubDate>Mon, 19 Oct 2026 08:00:00 +0800</pubDate></item>
                </channel></rss>"""));
        pages.put("http://m/atom", new PostFetcher.Body("http://m/atom", 200, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>临江政务</title>
                <entry><title>一则旧消息</title><link href="http://m/e/1"/><updated>2026-10-01T09:00:00+08:00</updated></entry>
                </feed>"""));

        List<Finding> findings = run(account("临江发布", "rss", "http://m/rss"),
                account("临江政务", "wechat", "http://m/atom"));

        assertThat(findings).extracting(Finding::kind).containsExactly("newmedia.slow", "newmedia.stale-2w");
        assertThat(findings.get(0).message()).contains("2026-11-09", "已 14 天");
        assertThat(findings.get(1).message()).contains("2026-10-01", "已 53 天");
        assertThat(findings.get(0).evidence()).extracting(e -> e.type()).containsExactly("http", "http");
    }

    @Test
    void annexRowsListOnlyTheVetoedAccountsWithDateDaysAndCategory() {
        page("http://m/fresh", list("2026-11-22"));
        page("http://m/20", list("2026-11-03"));
        page("http://m/200", list("2026-05-07"));
        SiteFile site = new SiteFile("临江县人民政府", null, "http://127.0.0.1/", null, null, null, List.of(
                account("临江发布", "wechat", "http://m/fresh"), account("三原宣传", "weibo", "http://m/20"),
                account("咸阳市农业局", "weibo", "http://m/200")), null);
        List<Finding> findings = check.check(site, CLOCK, null, fetcher);

        List<NewMediaRow> rows = NewMediaRow.fromFindings(site, findings, check.rules());

        assertThat(rows).containsExactly(
                new NewMediaRow("临江县人民政府", "三原宣传", "新浪微博", LocalDate.of(2026, 11, 3), 20, "超过两周未更新"),
                new NewMediaRow("临江县人民政府", "咸阳市农业局", "新浪微博", LocalDate.of(2026, 5, 7), 200, "长期未更新"));
        assertThat(check.assess(site, CLOCK, fetcher)).extracting(a -> NewMediaRow.of(site.name(), a, check.rules(),
                TODAY).category()).containsExactly("正常更新", "超过两周未更新", "长期未更新");
    }

    @Test
    void theHttpFetcherReadsAGbkListFromALoopbackServerAndRefusesOtherHosts() {
        try (FixtureServer server = new FixtureServer()) {
            server.html("/gbk.html", list("2026-11-20"), java.nio.charset.Charset.forName("GBK"), "GBK");
            HttpPostFetcher http = new HttpPostFetcher(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5));
            SiteFile site = new SiteFile("临江县人民政府", null, server.url("/"), null, null, null, List.of(
                    account("临江发布", "wechat", server.url("/gbk.html")),
                    account("外网账号", "wechat", "https://mp.weixin.qq.com/profile")), null);

            List<Finding> findings = check.check(site, CLOCK, null, http);

            assertThat(findings).extracting(Finding::kind).containsExactly("newmedia.fresh", "newmedia.unreadable");
            assertThat(findings.get(0).message()).contains("2026-11-20");
            assertThat(findings.get(1).message()).contains("超出允许访问的网络范围");
        }
    }

    @Test
    void theHttpFetcherRefusesARedirectToAnotherHostAndNeverRequestsIt() {
        try (FixtureServer site = new FixtureServer(); FixtureServer other = FixtureServer.on("127.0.0.2")) {
            site.redirect("/feed", 302, "/feed/list.html").redirect("/feed/list.html", 302, other.url("/list.html"));
            site.redirect("/direct", 301, other.url("/list.html"));
            HttpPostFetcher http = new HttpPostFetcher(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5));

            PostFetcher.Fetched chain = http.fetch(site.url("/feed"));
            PostFetcher.Fetched direct = http.fetch(site.url("/direct"));

            assertThat(chain).isEqualTo(new PostFetcher.Failed("超出允许访问的网络范围，未读取"));
            assertThat(direct).isEqualTo(new PostFetcher.Failed("超出允许访问的网络范围，未读取"));
            assertThat(site.requests()).isEqualTo(3);
            assertThat(other.requests()).isZero();
        }
    }

    @Test
    void theHttpFetcherFollowsARedirectWithinTheLoopbackAndReportsWhereItEnded() {
        try (FixtureServer site = new FixtureServer()) {
            site.redirect("/feed", 302, "/gbk.html");
            site.html("/gbk.html", list("2026-11-20"), java.nio.charset.Charset.forName("GBK"), "GBK");

            PostFetcher.Fetched f = new HttpPostFetcher(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5))
                    .fetch(site.url("/feed"));

            assertThat(f).isInstanceOf(PostFetcher.Body.class);
            assertThat(((PostFetcher.Body) f).finalUrl()).isEqualTo(site.url("/gbk.html"));
            assertThat(((PostFetcher.Body) f).text()).contains("2026-11-20");
        }
    }
}

package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.SitePage;
import cn.xunjian.testing.FixtureServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The crawler against a fixture site on 127.0.0.1 with the problems real government sites have. */
class SiteCrawlerTest {
    private static final long MB = 1024 * 1024;
    private static final CrawlLimits LIMITS = new CrawlLimits(200, 10, 4, Duration.ZERO, Duration.ofSeconds(2),
            5 * MB);

    private final FixtureServer server = new FixtureServer();
    private final Map<String, Queue<String>> requests = new ConcurrentHashMap<>();
    private final AtomicLong attachmentBytesSent = new AtomicLong();

    /** Collects what the listener is told, and checks it is told from one thread at a time. */
    private static class Recorder implements CrawlListener {
        final List<SitePage> pages = new ArrayList<>();
        final List<CheckedLink> links = new ArrayList<>();
        final AtomicInteger concurrent = new AtomicInteger();
        int maxConcurrent;

        @Override
        public void page(SitePage page) {
            enter();
            pages.add(page);
            concurrent.decrementAndGet();
        }

        @Override
        public void link(CheckedLink link) {
            enter();
            links.add(link);
            concurrent.decrementAndGet();
        }

        private void enter() {
            maxConcurrent = Math.max(maxConcurrent, concurrent.incrementAndGet());
        }

        CheckedLink link(String url) {
            return links.stream().filter(l -> l.url().equals(url)).findFirst().orElseThrow(
                    () -> new AssertionError("not checked: " + url + " in " + links));
        }

        List<String> pageUrls() {
            return pages.stream().map(SitePage::url).toList();
        }
    }

    @AfterEach
    void close() {
        server.close();
    }

    private FixtureServer.Route counted(String path, FixtureServer.Route route) {
        return ex -> {
            requests.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(ex.getRequestMethod());
            route.handle(ex);
        };
    }

    private void html(String path, String html) {
        server.route(path, counted(path, ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8))));
    }

    private Queue<String> requestsTo(String path) {
        return requests.getOrDefault(path, new ConcurrentLinkedQueue<>());
    }

    private CrawlResult crawl(String path, CrawlLimits limits, Recorder recorder) throws InterruptedException {
        try (SiteCrawler crawler = new SiteCrawler(limits, NetworkScope.LOOPBACK_ONLY)) {
            return crawler.crawl(server.url(path), recorder);
        }
    }

    private void buildSite() {
        html("/site/index.html", """
                <html><head><title>某某市应急管理局</title></head><body>
                <a href="ok.html">正常页面</a>
                <a href="missing.html">失效页面</a>
                <img src="img/ok.png" alt="正常图片"><img src="img/missing.png" alt="失效图片">
                <a href="files/report.pdf">年度报告</a>
                <a href="files/gone.doc">已删除的附件</a>
                <a href="files/nohead.zip">不接受HEAD的附件</a>
                <a href="gbk.html">GBK页面</a>
                <a href="deleted.html">已删除信息</a>
                <a href="loop-a">重定向循环</a>
                <a href="cal.html?month=1">日历</a>
                <a href="s.html;jsessionid=0123456789ABCDEF0123456789ABCDEF">会话一</a>
                <a href="s.html?sid=0123456789abcdef0123">会话二</a>
                <a href="s.html">会话三</a>
                <a href="big.html">超大页面</a>
                <a href="slow.html">很慢的页面</a>
                <a href="新闻 列表.html">新闻列表</a>
                <a href="文件 缺失.html">缺失的中文链接</a>
                <a href="javascript:void(0)">脚本</a><a href="mailto:bgs@example.gov.cn">邮件</a><a href="tel:12345">电话</a>
                <a href="malformed.html">不规范的页面</a>
                <a href="/other/ok.html">站外目录</a>
                <a href="http://www.gov.cn/">中国政府网</a>
                </body></html>""");
        html("/site/ok.html", "<html><body><a href='index.html'>首页</a></body></html>");
        server.route("/site/img/ok.png", counted("/site/img/ok.png", ex -> FixtureServer.send(ex, 200, "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        server.route("/site/files/report.pdf", counted("/site/files/report.pdf",
                ex -> sendLarge(ex, "application/pdf", 20 * MB)));
        server.route("/site/files/nohead.zip", counted("/site/files/nohead.zip", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                FixtureServer.send(ex, 405, "text/plain", new byte[0]);
            } else {
                sendLarge(ex, "application/zip", 50 * MB);
            }
        }));
        server.route("/site/gbk.html", counted("/site/gbk.html", ex -> FixtureServer.send(ex, 200, "text/html",
                ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
                        + "<title>政务公开</title></head><body><a href='gbk-child.html'>通知公告</a>"
                        + "<a href='gbk-missing.html'>失效的通知</a></body></html>").getBytes(Charset.forName("GBK")))));
        html("/site/gbk-child.html", "<html><body>通知</body></html>");
        html("/site/deleted.html", "<html><head><title>提示信息</title></head><body>对不起，该信息已删除。</body></html>");
        server.route("/site/loop-a", ex -> redirect(ex, "/site/loop-b"));
        server.route("/site/loop-b", ex -> redirect(ex, "/site/loop-a"));
        server.route("/site/cal.html", counted("/site/cal.html", ex -> {
            int month = Integer.parseInt(ex.getRequestURI().getQuery().replace("month=", ""));
            FixtureServer.send(ex, 200, "text/html; charset=utf-8", ("<html><body><a href='cal.html?month="
                    + (month + 1) + "'>下个月</a><a href='cal.html?month=" + (month - 1) + "'>上个月</a></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }));
        html("/site/s.html", "<html><body>会话页面</body></html>");
        byte[] big = bigPage();
        server.route("/site/big.html", counted("/site/big.html", ex -> FixtureServer.send(ex, 200,
                "text/html; charset=utf-8", big)));
        html("/site/big-child.html", "<html><body>子页面</body></html>");
        html("/site/big-tail.html", "<html><body>尾页</body></html>");
        server.hang("/site/slow.html");
        html("/site/新闻 列表.html", "<html><body>新闻</body></html>");
        html("/site/malformed.html", "<html><body><div><a href='mal-child.html'>子页<p><table><tr><td>"
                + "<a href=mal-missing.html>坏链<div></span></body");
        html("/site/mal-child.html", "<html><body>子</body></html>");
        html("/other/ok.html", "<html><body><a href='never.html'>站外目录的链接</a></body></html>");
    }

    private static byte[] bigPage() {
        StringBuilder sb = new StringBuilder(11 * 1024 * 1024);
        sb.append("<html><body><a href='big-child.html'>子页面</a>");
        while (sb.length() < 10 * MB) {
            sb.append("<p>填充内容填充内容填充内容填充内容</p>\n");
        }
        sb.append("<a href='big-tail.html'>尾页</a></body></html>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sendLarge(HttpExchange ex, String type, long size) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(size));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, size);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
                attachmentBytesSent.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the crawler hung up after the headers, as it should
        }
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    @Test
    void findsBrokenPageLinksImagesAndAttachmentsWithTheirSourceAndText() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);
        String home = server.url("/site/index.html");

        CheckedLink missing = r.link(server.url("/site/missing.html"));
        assertThat(missing.broken()).isTrue();
        assertThat(missing.status().describe()).isEqualTo("HTTP 404");
        assertThat(missing.sourceUrl()).isEqualTo(home);
        assertThat(missing.text()).isEqualTo("失效页面");
        assertThat(missing.kind()).isEqualTo(LinkKind.PAGE);
        assertThat(missing.fromHome()).isTrue();

        CheckedLink image = r.link(server.url("/site/img/missing.png"));
        assertThat(image.kind()).isEqualTo(LinkKind.IMAGE);
        assertThat(image.kind().label()).isEqualTo("图片");
        assertThat(image.text()).isEqualTo("失效图片");
        assertThat(image.broken()).isTrue();
        assertThat(r.link(server.url("/site/img/ok.png")).broken()).isFalse();

        CheckedLink attachment = r.link(server.url("/site/files/gone.doc"));
        assertThat(attachment.kind()).isEqualTo(LinkKind.ATTACHMENT);
        assertThat(attachment.broken()).isTrue();

        assertThat(result.broken()).extracting(CheckedLink::url).contains(server.url("/site/missing.html"),
                server.url("/site/img/missing.png"), server.url("/site/files/gone.doc"))
                .doesNotContain(server.url("/site/ok.html"), server.url("/site/img/ok.png"));
        assertThat(r.maxConcurrent).isEqualTo(1);
    }

    /** A recorder that lets the crawl's workers call it (still one call at a time). */
    private static final class SharedRecorder extends Recorder {
        final java.util.Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public boolean threadConfined() {
            return false;
        }

        @Override
        public void link(CheckedLink link) {
            threads.add(Thread.currentThread().getName());
            super.link(link);
        }
    }

    private static List<String> describe(CrawlResult result) {
        return result.broken().stream().map(l -> l.url() + " " + l.status().describe() + " " + l.sourceUrl() + " "
                + l.text() + " " + l.kind()).sorted().toList();
    }

    @Test
    void findsTheSameWhenTheWorkersMayCallTheListenerThemselves() throws Exception {
        buildSite();
        Recorder confined = new Recorder();
        CrawlResult expected = crawl("/site/index.html", LIMITS, confined);
        SharedRecorder shared = new SharedRecorder();
        CrawlResult actual = crawl("/site/index.html", LIMITS, shared);

        assertThat(describe(actual)).isEqualTo(describe(expected)).isNotEmpty();
        assertThat(actual.pages()).isEqualTo(expected.pages());
        assertThat(actual.links()).isEqualTo(expected.links());
        assertThat(actual.softNotFound()).containsExactlyInAnyOrderElementsOf(expected.softNotFound());
        // which calendar URL is named as the example depends on the order pages arrive in, in either mode
        assertThat(actual.notes()).map(n -> n.replaceAll("例如 .*", "")).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(expected.notes().stream().map(n -> n.replaceAll("例如 .*", ""))
                        .toList());
        assertThat(shared.pageUrls()).hasSameSizeAs(confined.pageUrls())
                .filteredOn(u -> !u.contains("cal.html")).hasSizeGreaterThan(5)
                .containsExactlyInAnyOrderElementsOf(confined.pageUrls().stream().filter(u -> !u.contains("cal.html"))
                        .toList());
        assertThat(shared.maxConcurrent).isEqualTo(1);
        assertThat(shared.threads).as("called from the workers").allMatch(name -> name.equals("crawl"));
    }

    @Test
    void checksAttachmentsByTheirHeadersWithoutDownloadingThem() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        assertThat(r.link(server.url("/site/files/report.pdf")).broken()).isFalse();
        assertThat(requestsTo("/site/files/report.pdf")).containsExactly("HEAD");
        CheckedLink noHead = r.link(server.url("/site/files/nohead.zip"));
        assertThat(noHead.broken()).isFalse();
        assertThat(noHead.status().method()).isEqualTo("GET");
        assertThat(requestsTo("/site/files/nohead.zip")).containsExactly("HEAD", "GET");
        assertThat(attachmentBytesSent.get()).isLessThan(50 * MB);
    }

    @Test
    void readsTheLinksOfAGbkPageDeclaredOnlyInItsMetaTag() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        SitePage gbk = r.pages.stream().filter(p -> p.url().endsWith("/gbk.html")).findFirst().orElseThrow();
        assertThat(gbk.html()).contains("政务公开").contains("通知公告");
        assertThat(r.link(server.url("/site/gbk-child.html")).text()).isEqualTo("通知公告");
        assertThat(r.link(server.url("/site/gbk-missing.html")).text()).isEqualTo("失效的通知");
        assertThat(r.link(server.url("/site/gbk-missing.html")).broken()).isTrue();
        assertThat(r.link(server.url("/site/gbk-child.html")).fromHome()).isFalse();
    }

    @Test
    void countsAPageThatSaysItWasDeletedAsASoftNotFound() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        CheckedLink deleted = r.link(server.url("/site/deleted.html"));
        assertThat(deleted.broken()).isTrue();
        assertThat(deleted.status().describe()).isEqualTo("页面不存在（HTTP 200）");
        assertThat(result.softNotFound()).containsExactly(server.url("/site/deleted.html"));
        assertThat(r.pageUrls()).doesNotContain(server.url("/site/deleted.html"));
    }

    @Test
    void endsARedirectLoopAsABrokenLinkThatSaysSo() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        CheckedLink loop = r.link(server.url("/site/loop-a"));
        assertThat(loop.broken()).isTrue();
        assertThat(loop.status().describe()).startsWith("重定向循环").contains("/site/loop-b");
    }

    @Test
    void staysBoundedInAnEndlessCalendarAndSaysWhatItSkipped() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        int limit = CrawlRules.standard().traps().calendarVariantsPerPath();
        assertThat(requestsTo("/site/cal.html")).hasSizeLessThanOrEqualTo(limit);
        assertThat(requestsTo("/site/cal.html")).hasSizeGreaterThan(1);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("疑似日历陷阱"));
    }

    @Test
    void fetchesAPageOnceWhateverSessionIdTheLinksCarry() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        assertThat(requestsTo("/site/s.html")).containsExactly("GET");
        assertThat(r.pageUrls()).containsOnlyOnce(server.url("/site/s.html"));
    }

    @Test
    void truncatesAPageLargerThanTheCapAndReportsIt() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        SitePage big = r.pages.stream().filter(p -> p.url().endsWith("/big.html")).findFirst().orElseThrow();
        assertThat(big.html().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo((int) (5 * MB));
        assertThat(r.link(server.url("/site/big-child.html")).broken()).isFalse();
        assertThat(r.links).extracting(CheckedLink::url).doesNotContain(server.url("/site/big-tail.html"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("页面超过 5 MB").contains("/site/big.html"));
    }

    @Test
    void givesUpOnAPageThatNeverAnswersAfterTheTimeout() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        CheckedLink slow = r.link(server.url("/site/slow.html"));
        assertThat(slow.broken()).isTrue();
        assertThat(slow.status().describe()).contains("超时");
    }

    @Test
    void encodesLinksWithSpacesAndChineseCharacters() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        String news = server.url("/site/%E6%96%B0%E9%97%BB%20%E5%88%97%E8%A1%A8.html");
        assertThat(r.link(news).broken()).isFalse();
        assertThat(r.pageUrls()).contains(news);
        String missing = server.url("/site/%E6%96%87%E4%BB%B6%20%E7%BC%BA%E5%A4%B1.html");
        assertThat(result.broken()).extracting(CheckedLink::url).contains(missing);
    }

    @Test
    void neverChecksScriptMailAndPhoneLinksNorHostsOutsideTheScope() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        assertThat(r.links).extracting(CheckedLink::url)
                .noneMatch(u -> u.startsWith("javascript:") || u.startsWith("mailto:") || u.startsWith("tel:"));
        CheckedLink external = r.link("http://www.gov.cn/");
        assertThat(external.status().skipped()).isTrue();
        assertThat(result.broken()).extracting(CheckedLink::url).doesNotContain("http://www.gov.cn/");
    }

    @Test
    void findsLinksInMalformedHtml() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        assertThat(r.link(server.url("/site/mal-child.html")).broken()).isFalse();
        assertThat(r.link(server.url("/site/mal-missing.html")).broken()).isTrue();
    }

    @Test
    void whenAskedALinkToAPageOfAnotherSiteIsCheckedWithOneGetThatPreviewsTheTargetsOpening() throws Exception {
        try (FixtureServer other = new FixtureServer()) {
            Queue<String> methods = new ConcurrentLinkedQueue<>();
            String hijacked = """
                    <html><head><meta charset="utf-8"><title>澳门葡京 - 真人娱乐官网</title>
                    <meta name="keywords" content="百家乐, 真人视讯">
                    <meta content="全网最大的娱乐平台" name="Description"></head>
                    <body><h1>欢迎光临</h1><p>注册即送彩金</p>%s</body></html>""".formatted("<p>填充</p>".repeat(20_000));
            other.route("/", ex -> {
                methods.add(ex.getRequestMethod());
                FixtureServer.send(ex, 200, "text/html; charset=utf-8", hijacked.getBytes(StandardCharsets.UTF_8));
            });
            other.bytes("/logo.png", "image/png", new byte[] {1, 2, 3});
            html("/ext/index.html", "<html><body><a href='" + other.url("/") + "'>友情链接：县旅游网</a>"
                    + "<img src='" + other.url("/logo.png") + "' alt='标志'><a href='/ext/a.html'>本站</a></body></html>");
            html("/ext/a.html", "<html><body>本站页面</body></html>");
            Recorder plain = new Recorder();
            crawl("/ext/index.html", LIMITS, plain);
            // a crawl whose listener does not ask for previews (the links command) checks it with a HEAD
            assertThat(plain.link(other.url("/")).preview()).isNull();
            assertThat(methods).containsExactly("HEAD");
            methods.clear();
            Recorder r = new Recorder() {
                @Override
                public boolean previewsTargets() {
                    return true;
                }
            };
            crawl("/ext/index.html", LIMITS, r);

            CheckedLink friend = r.link(other.url("/"));
            assertThat(friend.broken()).isFalse();
            assertThat(friend.status().method()).isEqualTo("GET");
            assertThat(methods).containsExactly("GET");
            assertThat(friend.preview()).isEqualTo(new TargetPreview("澳门葡京 - 真人娱乐官网", "百家乐, 真人视讯",
                    "全网最大的娱乐平台", ("澳门葡京-真人娱乐官网欢迎光临注册即送彩金" + "填充".repeat(200)).substring(0, 300)));
            // images and same-site pages are checked as before, without a preview
            assertThat(r.link(other.url("/logo.png")).preview()).isNull();
            assertThat(r.link(other.url("/logo.png")).status().method()).isEqualTo("HEAD");
            assertThat(r.link(server.url("/ext/a.html")).preview()).isNull();
        }
    }

    @Test
    void checksLinksOutsideTheStartDirectoryWithoutCrawlingThem() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        crawl("/site/index.html", LIMITS, r);

        assertThat(r.link(server.url("/other/ok.html")).broken()).isFalse();
        assertThat(requestsTo("/other/ok.html")).containsExactly("HEAD");
        assertThat(r.links).extracting(CheckedLink::url).doesNotContain(server.url("/other/never.html"));
    }

    @Test
    void checksEveryUrlOnceThoughManyPagesLinkToIt() throws Exception {
        buildSite();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/site/index.html", LIMITS, r);

        assertThat(r.links).extracting(CheckedLink::url).doesNotHaveDuplicates();
        assertThat(result.links()).isEqualTo(r.links.size());
        assertThat(requestsTo("/site/ok.html")).containsExactly("GET");
        assertThat(requestsTo("/site/index.html")).containsExactly("GET");
    }

    private void buildChain() {
        for (int i = 0; i < 6; i++) {
            html("/chain/" + i + ".html", "<html><body><a href='" + (i + 1) + ".html'>下一页</a>"
                    + "<a href='side" + i + ".html'>旁页</a></body></html>");
            html("/chain/side" + i + ".html", "<html><body>旁页</body></html>");
        }
    }

    @Test
    void honoursTheDepthCap() throws Exception {
        buildChain();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/chain/0.html", new CrawlLimits(100, 2, 4, Duration.ZERO,
                Duration.ofSeconds(2), MB), r);

        assertThat(r.pages).extracting(SitePage::depth).containsOnly(0, 1, 2);
        assertThat(r.pageUrls()).contains(server.url("/chain/2.html")).doesNotContain(server.url("/chain/3.html"));
        assertThat(requestsTo("/chain/3.html")).containsExactly("HEAD");
        assertThat(requestsTo("/chain/4.html")).isEmpty();
        assertThat(result.truncated()).isTrue();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("深度上限"));
    }

    @Test
    void honoursThePageCap() throws Exception {
        buildChain();
        Recorder r = new Recorder();
        CrawlResult result = crawl("/chain/0.html", new CrawlLimits(3, 10, 4, Duration.ZERO,
                Duration.ofSeconds(2), MB), r);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(r.pages).hasSize(3);
        assertThat(result.truncated()).isTrue();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("页面上限"));
    }

    @Test
    void recognisesPagesThatLookLikeTheSitesAnswerToANonExistentUrl() throws Exception {
        String friendly = "<html><head><title>某某县人民政府</title></head><body><div>某某县人民政府门户网站</div>"
                + "<p>您要找的内容可能已经调整，请返回首页继续浏览。联系电话：0571-12345678</p></body></html>";
        Map<String, String> known = Map.of("/index.html", "<html><head><title>某某县人民政府</title></head><body>"
                + "<a href='/news/1.html'>新闻一</a><a href='/news/old.html'>旧新闻</a></body></html>",
                "/news/1.html", "<html><head><title>新闻一</title></head><body>"
                + "<p>本县召开安全生产工作会议，部署今冬明春安全生产工作。会议要求各乡镇各部门压实责任。</p></body></html>");
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", ex -> {
            // like many CMSs: every unknown path answers 200 with the same friendly page
            FixtureServer.send(ex, 200, "text/html; charset=utf-8", known.getOrDefault(ex.getRequestURI().getPath(),
                    friendly).getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        Recorder r = new Recorder();
        CrawlResult result;
        try (SiteCrawler crawler = new SiteCrawler(LIMITS, NetworkScope.LOOPBACK_ONLY)) {
            result = crawler.crawl(base + "/index.html", r);
        } finally {
            site.stop(0);
        }

        assertThat(result.softNotFound()).containsExactly(base + "/news/old.html");
        assertThat(r.link(base + "/news/old.html").broken()).isTrue();
        assertThat(r.link(base + "/news/1.html").broken()).isFalse();
    }

    @Test
    void imagesAndFontsInTheSitesOwnStylesheetsAreCheckedAgainstTheStylesheetsUrl() throws Exception {
        try (FixtureServer other = FixtureServer.on("127.0.0.2")) {
            // the layout of a TRS-style portal: a site stylesheet under /images/ with sprites, a web font and an
            // @import; data: icons inline; and a stylesheet of another host, which is only checked
            html("/site/index.html", """
                    <html><head><link rel="stylesheet" href="css/style.css">
                    <link rel="stylesheet" href="%s"></head><body><a href="a.html">正文</a></body></html>"""
                    .formatted(other.url("/cdn/lib.css")));
            html("/site/a.html", "<html><head><link rel=\"stylesheet\" href=\"css/style.css\"></head></html>");
            server.route("/site/css/style.css", counted("/site/css/style.css", ex -> FixtureServer.send(ex, 200,
                    "text/css", """
                    @import url("base.css");
                    .top{background:url(../images/top_bg.jpg) no-repeat;}
                    .nav li{background:url("../images/nav_li.png")}
                    .ico{background:url(data:image/png;base64,iVBORw0KGgo=)}
                    @font-face{font-family:"xbs";src:url(../fonts/xbs.woff2) format("woff2")}
                    """.getBytes(StandardCharsets.UTF_8))));
            server.bytes("/site/css/base.css", "text/css; charset=utf-8",
                    ".foot{background:url(/site/images/gone.gif)}".getBytes(StandardCharsets.UTF_8));
            server.bytes("/site/images/top_bg.jpg", "image/jpeg", new byte[] {1, 2, 3});
            server.bytes("/site/fonts/xbs.woff2", "font/woff2", new byte[] {1, 2, 3});
            other.bytes("/cdn/lib.css", "text/css", ".x{background:url(never.png)}".getBytes(StandardCharsets.UTF_8));
            Recorder r = new Recorder();

            CrawlResult result = crawl("/site/index.html", LIMITS, r);

            assertThat(r.link(server.url("/site/images/top_bg.jpg")).broken()).isFalse();
            assertThat(r.link(server.url("/site/images/top_bg.jpg")).kind()).isEqualTo(LinkKind.IMAGE);
            assertThat(r.link(server.url("/site/fonts/xbs.woff2")).kind()).isEqualTo(LinkKind.RESOURCE);
            assertThat(r.link(server.url("/site/css/base.css")).kind()).isEqualTo(LinkKind.STYLESHEET);
            assertThat(result.broken()).extracting(CheckedLink::url, CheckedLink::sourceUrl, CheckedLink::text)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(server.url("/site/images/nav_li.png"),
                                    server.url("/site/css/style.css"), "url(../images/nav_li.png)"),
                            org.assertj.core.groups.Tuple.tuple(server.url("/site/images/gone.gif"),
                                    server.url("/site/css/base.css"), "url(/site/images/gone.gif)"));
            assertThat(r.links).extracting(CheckedLink::url).noneMatch(u -> u.startsWith("data:"))
                    .doesNotContain(other.url("/cdn/never.png"));
            assertThat(requestsTo("/site/css/style.css")).as("read once for both pages").containsExactly("GET");
        }
    }

    @Test
    void fragmentsOfOtherSitesPagesAreCheckedOnlyWhenAsked() throws Exception {
        // "localhost" is another site than "127.0.0.1" (another origin), on the same fixture server
        String other = server.url("/zcwj/1.html").replace("127.0.0.1", "localhost");
        html("/site/index.html", """
                <html><body><a href="%s#tiao3">政策原文</a><a href="%s#tiao9">已删去的条款</a></body></html>"""
                .formatted(other, other));
        html("/zcwj/1.html", "<html><body><h2 id=\"tiao3\">第三条</h2></body></html>");

        CrawlResult plain = crawl("/site/index.html", LIMITS, new Recorder());
        int plainGets = (int) requestsTo("/zcwj/1.html").stream().filter("GET"::equals).count();
        CrawlResult asked;
        try (SiteCrawler crawler = new SiteCrawler(LIMITS, NetworkScope.LOOPBACK_ONLY)) {
            asked = crawler.crawl(server.url("/site/index.html"), new Recorder() {
                @Override
                public boolean checksExternalFragments() {
                    return true;
                }
            });
        }

        assertThat(plain.broken()).isEmpty();
        assertThat(plainGets).as("by default the other site's page is only checked (HEAD)").isZero();
        assertThat(asked.broken()).extracting(CheckedLink::url, CheckedLink::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(other + "#tiao9", LinkKind.ANCHOR));
    }

    @Test
    void aLinkOrPageRedirectedToAnotherHostIsSkippedAndThatHostIsNeverRequested() throws Exception {
        try (FixtureServer other = FixtureServer.on("127.0.0.2")) {
            html("/site/index.html", """
                    <html><body><a href="news.html">新闻</a><a href="files/a.pdf">附件</a>
                    <a href="away.html">外链</a></body></html>""");
            server.redirect("/site/news.html", 302, "/site/news/").redirect("/site/news/", 302,
                    other.url("/news/"));
            server.redirect("/site/files/a.pdf", 302, other.url("/a.pdf"));
            server.redirect("/site/away.html", 301, other.url("/"));
            Recorder r = new Recorder();

            CrawlResult result = crawl("/site/index.html", LIMITS, r);

            assertThat(r.link(server.url("/site/news.html")).status().skipped()).isTrue();
            assertThat(r.link(server.url("/site/files/a.pdf")).status().skipped()).isTrue();
            assertThat(r.link(server.url("/site/away.html")).status().skipped()).isTrue();
            assertThat(result.broken()).isEmpty();
            assertThat(other.requests()).isZero();
        }
    }

    @Test
    void aStartPageRedirectedToAnotherHostIsNotFollowed() throws Exception {
        try (FixtureServer other = FixtureServer.on("127.0.0.2")) {
            server.redirect("/site/index.html", 302, other.url("/site/index.html"));
            Recorder r = new Recorder();

            CrawlResult result = crawl("/site/index.html", LIMITS, r);

            assertThat(result.pages()).isZero();
            assertThat(r.pages).isEmpty();
            assertThat(other.requests()).isZero();
        }
    }
}

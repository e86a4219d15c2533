package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The streaming link scanner, on its own and against jsoup's DOM extraction. */
class LinkScannerTest {
    private static final String PAGE = "http://127.0.0.1:8080/dir/page.html";

    private final CrawlRules rules = CrawlRules.standard();
    private final LinkExtractor extractor = new LinkExtractor(new UrlNormalizer(rules.traps()), rules);

    private List<LinkExtractor.Found> scan(String html) {
        return extractor.links(html, PAGE);
    }

    private List<String> urls(String html) {
        return scan(html).stream().map(LinkExtractor.Found::url).toList();
    }

    @Test
    void readsDoubleSingleAndUnquotedAttributeValues() {
        assertThat(urls("<a href=\"a.html\">a</a><a href='b.html'>b</a><a href=c.html>c</a>"
                + "<a href = \"d.html\" >d</a><img src=/img/e.png>"))
                .containsExactly("http://127.0.0.1:8080/dir/a.html", "http://127.0.0.1:8080/dir/b.html",
                        "http://127.0.0.1:8080/dir/c.html", "http://127.0.0.1:8080/dir/d.html",
                        "http://127.0.0.1:8080/img/e.png");
    }

    @Test
    void decodesCharacterReferencesInValuesAndLabelsAsABrowserDoes() {
        List<LinkExtractor.Found> found = scan("<a href=\"list.html?a=1&amp;b=2\">A&amp;B</a>"
                + "<a href=\"x.html?a=1&copy=2\">&#20013;&#x6587;&nbsp;链接</a>");

        assertThat(found).extracting(LinkExtractor.Found::url).containsExactly(
                "http://127.0.0.1:8080/dir/list.html?a=1&b=2", "http://127.0.0.1:8080/dir/x.html?a=1&copy=2");
        assertThat(found).extracting(LinkExtractor.Found::text).containsExactly("A&B", "中文 链接");
    }

    @Test
    void ignoresLinksInCommentsScriptsStylesTitlesAndTextareas() {
        assertThat(urls("<!-- <a href=\"c1.html\">x</a> --><!----><!--->"
                + "<script>document.write('<a href=\"s.html\">s</a>');</script>"
                + "<SCRIPT type=x>if (a<b) { '<img src=\"i.png\">' }</SCRIPT >"
                + "<style>a[href=\"st.html\"] {}</style><title><a href=\"t.html\"></title>"
                + "<textarea><a href=\"ta.html\">t</a></textarea><!DOCTYPE html><?xml x?>"
                + "<a href=\"real.html\">真的</a>"))
                .containsExactly("http://127.0.0.1:8080/dir/real.html");
    }

    @Test
    void resolvesAgainstTheFirstBaseHref() {
        assertThat(urls("<head><base href=\"/sub/\"><base href=\"/other/\"></head><a href=\"x.html\">x</a>"
                + "<a href=\"/abs.html\">y</a>"))
                .containsExactly("http://127.0.0.1:8080/sub/x.html", "http://127.0.0.1:8080/abs.html");
    }

    @Test
    void readsUppercaseTagsAndAttributes() {
        List<LinkExtractor.Found> found = scan("<A HREF=\"UP.html\">大写</A><IMG SRC=\"p.PNG\" ALT=\"图\">"
                + "<IFRAME SRC=\"f.html\"></IFRAME><EMBED SRC=\"m.swf\"><AREA HREF=\"map.html\" TITLE=\"区域\">");

        assertThat(found).extracting(LinkExtractor.Found::kind).containsExactly(LinkKind.PAGE, LinkKind.IMAGE,
                LinkKind.PAGE, LinkKind.ATTACHMENT, LinkKind.PAGE);
        assertThat(found).extracting(LinkExtractor.Found::text).containsExactly("大写", "图", "<iframe>", "<embed>",
                "区域");
    }

    @Test
    void labelsLinksByTheirTextThenAltTitleOrImageAlt() {
        List<LinkExtractor.Found> found = scan("<a href=\"1.html\">  多个   空格\n 的 <b>文字</b> </a>"
                + "<a href=\"2.html\" title=\"标题\"></a><a href=\"3.html\"><img src=\"i.png\" alt=\"图片说明\"></a>"
                + "<a href=\"4.html\"></a><a href=\"5.html\">" + "很长的链接文字".repeat(10) + "</a>");

        assertThat(found).extracting(LinkExtractor.Found::text).containsExactly("多个 空格 的 文字", "标题", "图片说明",
                "图片说明", "<a>", ("很长的链接文字".repeat(10)).substring(0, 40) + "…");
    }

    @Test
    void findsLinksInMalformedMarkupAndDropsATagCutOffByTheEnd() {
        assertThat(urls("<div><a href='one.html'>一<p><table><tr><td><a href=two.html>二<div></span></body>"
                + "<a href=\"three.html\"<a href=\"four.html\">四</a>< a href=\"no.html\">"
                + "<a href=\"cut.html"))
                .containsExactly("http://127.0.0.1:8080/dir/one.html", "http://127.0.0.1:8080/dir/two.html",
                        "http://127.0.0.1:8080/dir/three.html");
    }

    @Test
    void keepsFragmentsForTheAnchorCheckAndSkipsScriptMailAndPhoneLinks() {
        assertThat(scan("<a href=\"#top\">顶部</a><a href=\"#\">空</a><a href=\"javascript:void(0)\">脚本</a>"
                + "<a href=\"MAILTO:a@b.cn\">邮件</a><a href=\"tel:12345\">电话</a><a href=\"ok.html#part\">有</a>")
                .stream().map(f -> f.url() + " #" + f.fragment()).toList())
                .containsExactly("http://127.0.0.1:8080/dir/page.html #top", "http://127.0.0.1:8080/dir/ok.html #part");
    }

    @Test
    void findsTheResourcesABrowserLoadsAndNotTheHostHints() {
        List<LinkExtractor.Found> found = scan("<head><link rel=\"stylesheet\" href=\"/s.css\">"
                + "<link rel=\"dns-prefetch\" href=\"//cdn.example.cn\"><link rel=\"preconnect\" href=\"https://c.cn\">"
                + "<link rel=\"shortcut icon\" href=\"/favicon.ico\"><link rel=\"preload\" href=\"/f.woff2\" as=\"font\">"
                + "<link rel=\"canonical\" href=\"/canon.html\">"
                + "<meta http-equiv=\"Refresh\" content=\"5; URL='/moved.html'\"><script src=\"/a.js\"></script></head>"
                + "<body><picture><source srcset=\"/w.webp 1x, /w2.webp 2x\" type=\"image/webp\">"
                + "<img src=\"/p.jpg\" srcset=\"/p-1.jpg, /p-2.jpg 2x\" alt=\"图\"></picture>"
                + "<video><source src=\"/v.mp4\"></video><iframe src=\"/f.html\"></iframe></body>");
        assertThat(found.stream().map(f -> f.url().substring("http://127.0.0.1:8080".length()) + " " + f.kind())
                .toList()).containsExactly("/s.css STYLESHEET", "/favicon.ico IMAGE", "/f.woff2 RESOURCE",
                "/moved.html PAGE", "/a.js SCRIPT", "/w.webp IMAGE", "/w2.webp IMAGE", "/p.jpg IMAGE",
                "/p-1.jpg IMAGE", "/p-2.jpg IMAGE", "/v.mp4 ATTACHMENT", "/f.html PAGE");
    }

    @Test
    void collectsIdsAndAnchorNamesForFragments() {
        assertThat(LinkScanner.scan("<div ID=\"main\"><a name=\"sec-2\">二</a><p name=\"no\">x</p>"
                + "<h2 id=\"\">空</h2></div>", false).anchors()).containsExactlyInAnyOrder("main", "sec-2");
    }

    @Test
    void collectsTheTitleAndTheTextWithoutWhitespaceInLowerCase() {
        LinkScanner.Scan s = LinkScanner.scan("<html><head><title> 页面 &amp; 标题 </title><style>p{}</style>"
                + "</head><body><p>Not  Found</p><script>var x = '不存在';</script>对不起，该信息&nbsp;已删除。</body>",
                true);

        assertThat(s.title()).isEqualTo("页面 & 标题");
        assertThat(s.squeezedText()).isEqualTo("页面&标题notfound对不起，该信息已删除。");
    }

    /** The links jsoup's DOM gives, first occurrence of each URL with its kind and label. */
    private Map<String, String> viaJsoup(String html, String url) {
        return firstOccurrences(extractor.links(Jsoup.parse(html, url), url));
    }

    private Map<String, String> viaScanner(String html, String url) {
        return firstOccurrences(extractor.links(html, url));
    }

    private static Map<String, String> firstOccurrences(List<LinkExtractor.Found> found) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LinkExtractor.Found f : found) {
            m.putIfAbsent(f.url(), f.kind() + " " + f.text());
        }
        return m;
    }

    @Test
    void findsTheSameLinksKindsAndLabelsAsJsoupOnPagesLikeTheBenchmarkSite() {
        int compared = 0;
        for (String[] page : benchmarkLikePages(600)) {
            assertThat(viaScanner(page[1], page[0])).as(page[0]).containsExactlyEntriesOf(viaJsoup(page[1], page[0]));
            compared++;
        }
        assertThat(compared).isEqualTo(600);
    }

    /** The side menu of the 防城港 TRS article page (realpages/fangchenggang-trs-article.html). */
    @Test
    void aLinkWrappingAnEmptyIconDivKeepsTheLabelAfterIt() {
        String html = """
                <div class="nav-list"><li><a href="http://www.fcgs.gov.cn/" target="_blank">
                <div class="sytp"></div>
                <span>首页</span>
                </a></li>
                <li><a href="../../../csgk/"><div class="zjmstp"></div><span>城市概况</span></a></li></div>
                """;
        String url = "http://www.fcgs.gov.cn/zxzx/jrfcg/fcgyw/t1.shtml";

        assertThat(viaScanner(html, url)).containsExactlyEntriesOf(viaJsoup(html, url))
                .containsEntry("http://www.fcgs.gov.cn/csgk/", "PAGE 城市概况");
    }

    /** The friend-link drop-down of the 洪湖 page (realpages/honghu-article.html): links inside options. */
    @Test
    void anchorsInsideASelectAreNoLinksAsTheTreeBuilderDropsThem() {
        String html = """
                <td width="265"><select name="center" onchange="$.goSite(this)">
                  <option selected="selected">中国政府网及国务院部门网站</option>
                  <option value="http://www.miit.gov.cn"><a href="http://www.miit.gov.cn" target="_blank">工业和信息化部</a></option>
                  <option value="http://www.gov.cn/"><a href="http://www.gov.cn/" target="_blank">中央人民政府</a></option>
                </select></td><td><a href="/xxgk/">信息公开</a></td>
                """;
        String url = "http://www.honghu.gov.cn/";

        assertThat(viaScanner(html, url)).containsExactlyEntriesOf(viaJsoup(html, url))
                .containsOnlyKeys("http://www.honghu.gov.cn/xxgk/");
    }

    @Test
    void findsTheSameLinksAsJsoupOnEveryFixtureAndDemoPage() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/test/resources", "src/main/resources/demo")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".htm")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String url = "http://127.0.0.1:8080/" + file.toString().replace('\\', '/');
            // as the crawler decodes it, and as UTF-8: demo pages declare GBK in UTF-8 files (the demo server
            // transcodes), so the first is mojibake, which must not change the links found either
            for (String html : List.of(CharsetDetector.decode(bytes, null), new String(bytes, StandardCharsets.UTF_8))) {
                Map<String, String> jsoup = viaJsoup(html, url);
                Map<String, String> scanner = viaScanner(html, url);
                assertThat(scanner.keySet()).as(file.toString()).containsExactlyElementsOf(jsoup.keySet());
                assertThat(scanner).as(file.toString()).containsExactlyEntriesOf(jsoup);
            }
        }
    }

    /** Pages built like {@code bench/gen_site.py}'s: home, column pages and articles. */
    private static List<String[]> benchmarkLikePages(int count) {
        String[] ext = {"pdf", "doc", "xls", "docx", "zip"};
        List<String[]> pages = new ArrayList<>();
        String origin = "http://127.0.0.1:18777";
        StringBuilder home = new StringBuilder();
        for (int c = 0; c < 200; c++) {
            home.append("<a href=\"/col/").append(c).append(".html\">栏目").append(c).append("</a> ");
        }
        pages.add(new String[] {origin + "/index.html", benchPage("某某市人民政府", home.toString())});
        for (int c = 0; c < 20; c++) {
            StringBuilder links = new StringBuilder("<ul>");
            for (int k = 0; k < 99; k++) {
                int art = c * 99 + k;
                links.append("<li><a href=\"/art/").append(art).append(".html\">第").append(art).append("号通知</a></li>");
            }
            pages.add(new String[] {origin + "/col/" + c + ".html", benchPage("栏目" + c, links.append("</ul>").toString())});
        }
        for (int a = 0; pages.size() < count; a++) {
            StringBuilder body = new StringBuilder("<h1>第" + a + "号通知</h1><p>"
                    + "根据工作安排，现将有关事项通知如下。".repeat(5) + "</p>");
            body.append("<a href=\"/col/").append(a / 99).append(".html\">返回栏目</a>");
            body.append("<a href=\"/art/").append(a + 1).append(".html\">下一篇</a>");
            if (a % 20 == 0) {
                body.append("<img src=\"/img/").append(a / 20 % 600).append(".png\" alt=\"图片\">");
            }
            if (a % 20 == 10) {
                int i = a / 20 % 400;
                body.append("<a href=\"/files/").append(i).append('.').append(ext[i % ext.length]).append("\">附件")
                        .append(i).append("</a>");
            }
            if (a % 100 == 50) {
                body.append("<a href=\"/art/removed-").append(a).append(".html\">已撤下的通知</a>");
            }
            pages.add(new String[] {origin + "/art/" + a + ".html", benchPage("第" + a + "号通知", body.toString())});
        }
        return pages;
    }

    private static String benchPage(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + "<div class=\"nav\"><a href=\"/index.html\">首页</a> <a href=\"/col/0.html\">政务公开</a> "
                + "<a href=\"/col/1.html\">政务服务</a></div>" + body
                + "<div class=\"footer\">主办单位：某某市人民政府办公室 网站标识码：3301000001</div></body></html>";
    }

    @Test
    void resolvesPlainLinksByConcatenationExactlyAsTheUriPathDoes() {
        UrlNormalizer normalizer = new UrlNormalizer(rules.traps());
        List<String> bases = List.of("http://127.0.0.1:8080/dir/page.html", "http://Example.GOV.cn/a/b/",
                "http://h/", "http://h/a/../b/c.html", "http://h/a//b/c.html", "http://h/a/b.html?x=1/2",
                "https://h:443/x/y", "http://h/a;jsessionid=0123456789ABCDEF0123/c.html");
        List<String> links = List.of("x.html", "/x.html", "a/b/c.html", "./x.html", "../x.html", "..", ".", "/",
                "//other/x.html", "x//y.html", "a/./b", "a/../b", "x~y_z-1.2.html", "  spaced.html  ", "中文.html",
                "http://127.0.0.1:8080/dir/z.html", "http://127.0.0.1:8080//z.html", "http://h/q.html",
                "http://h/a/../q.html", "https://h/x/y2", "x.html;jsessionid=0123456789ABCDEF0123", "?q=1", "x.html?a=b");
        int checked = 0;
        for (String b : bases) {
            String normalized = normalizer.normalize(b).orElseThrow();
            UrlNormalizer.Base base = UrlNormalizer.base(normalized);
            for (String link : links) {
                assertThat(normalizer.resolve(base, link)).as(b + " + " + link)
                        .isEqualTo(normalizer.resolve(base.uri, link));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(bases.size() * links.size());
    }
}

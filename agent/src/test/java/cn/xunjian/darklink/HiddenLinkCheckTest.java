package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.Json;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.testing.EvidenceFiles;
import cn.xunjian.testing.StaticAuditPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 暗链 rule (hidden ∧ (external ∨ spam wording)) and its findings, fed with what {@code link-visibility.js}
 * reports on a page; HiddenLinkIT shows on real Chromium that the script sees each hiding technique.
 */
class HiddenLinkCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "http://127.0.0.1:8080/";
    private static final String BAD = "http://www.ylc-casino.example/";

    @TempDir
    Path dir;

    private final List<Map<String, Object>> reported = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();

    /** A link on the page, marked as the script marks it, and the script's verdict on it. */
    private void link(String href, String text, List<String> reasons, List<String> ancestors) {
        int id = reported.size();
        String html = "<a href=\"" + href + "\" data-xj-link=\"" + id + "\">" + text + "</a>";
        body.append(html).append('\n');
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("tag", "a");
        n.put("href", URI.create(PAGE).resolve(href).toString());
        n.put("text", text);
        n.put("title", "");
        n.put("outerHTML", html);
        n.put("selector", "[data-xj-link=\"" + id + "\"]");
        n.put("hidden", !reasons.isEmpty());
        n.put("reasons", reasons);
        n.put("ancestors", ancestors);
        n.put("style", Map.of("display", reasons.contains("no-box") ? "none" : "inline", "visibility", "visible"));
        n.put("frame", "");
        reported.add(n);
    }

    private List<Finding> inspect() throws JsonProcessingException {
        // the page as the citizen's browser holds it after the script ran: the same fixture as HiddenLinkIT's
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>临江县人民政府</title></head>
                <body><header><h1>临江县人民政府</h1></header><main id="main"><h2>政务要闻</h2>%s</main>
                <footer><p>主办：临江县人民政府办公室 网站标识码：3301850031</p></footer></body></html>""".formatted(body);
        StaticAuditPage page = new StaticAuditPage(PAGE, html)
                .answering("data-xj-link", Json.mapper().writeValueAsString(reported));
        return new HiddenLinkCheck().inspect(page, new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01"));
    }

    private String read(Evidence e) {
        return EvidenceFiles.read(dir, e);
    }

    @Test
    void aHiddenLinkToAnotherSiteIsAVetoNamingItsTextTargetAndHowItIsHidden() throws Exception {
        link("/xw/1.html", "县政府召开常务会议", List.of(), List.of());
        link(BAD, "时时彩平台", List.of("off-page"), List.of("div {position:absolute;top:-999px}"));

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V1");
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.url()).isEqualTo(BAD);
            assertThat(f.message()).contains("页面存在暗链（隐藏链接）“时时彩平台” → " + BAD, "赌博", "定位到页面之外",
                    "（div {position:absolute;top:-999px}）");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("screenshot", "html", "html");
            assertThat(f.evidence().get(0).path()).contains("darklink-element");
        });
        Finding f = findings.get(0);
        assertThat(read(f.evidence().get(1))).contains("\"outerHTML\"", "时时彩平台", "\"computedStyle\"",
                "\"reasonLabels\" : [ \"定位到页面之外\" ]");
        assertThat(read(f.evidence().get(2))).contains("<title>临江县人民政府</title>");
    }

    @Test
    void hiddenMenuLinksOfTheSiteAndHiddenLinksToTrustedHostsAreNormal() throws Exception {
        link("/zwgk/jggk/", "机构概况", List.of("no-box"), List.of("ul {display:none}"));
        link("#main", "跳到主要内容", List.of("clipped"), List.of());
        link("https://www.zj.gov.cn/", "浙江省人民政府", List.of("no-box"), List.of());
        link("https://www.zjol.com.cn/", "浙江在线", List.of(), List.of());

        assertThat(inspect()).isEmpty();
    }

    @Test
    void aHiddenLinkWithGamblingWordingIsReportedEvenOnAnInternalTargetWithThePageAsItsScreenshot() throws Exception {
        link("/tag/x", "澳门葡京", List.of("no-box"), List.of("div {display:none}"));

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.url()).isEqualTo("http://127.0.0.1:8080/tag/x");
            assertThat(f.message()).contains("含赌博关键词", "葡京", "不占版面");
            // a link that takes no room cannot be outlined: the whole page is shown instead
            assertThat(f.evidence().get(0).path()).contains("darklink-page");
        });
    }

    @Test
    void aVisibleLinkWithGamblingWordingIsVisibleSpamAndAVisibleExternalLinkIsNot() throws Exception {
        link(BAD, "澳门威尼斯人官网", List.of(), List.of());
        link("https://www.zjol.com.cn/", "浙江在线", List.of(), List.of());

        List<Finding> findings = inspect();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.spam-visible");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).startsWith("页面上有违规链接“澳门威尼斯人官网” → " + BAD);
            assertThat(f.evidence().get(0).path()).contains("darklink-element");
        });
    }

    @Test
    void beyondTheLimitPerPageTheRestAreCountedInOneFinding() throws Exception {
        int limit = HiddenLinkRules.standard().maxFindingsPerPage();
        IntStream.range(0, limit + 2).forEach(i -> link("http://spam" + i + ".example/", "链接" + i,
                List.of("tiny-box"), List.of()));

        List<Finding> findings = inspect();

        assertThat(findings).hasSize(limit + 1);
        assertThat(findings.get(limit)).satisfies(f -> {
            assertThat(f.kind()).isEqualTo("darklink.hidden");
            assertThat(f.url()).isEqualTo(PAGE);
            assertThat(f.message()).isEqualTo("该页另有2个暗链或违规链接未逐一列出");
            assertThat(f.evidence()).extracting(Evidence::type).containsExactly("html");
        });
        // the page source is saved once and shared by every finding
        assertThat(findings).extracting(f -> f.evidence().get(f.evidence().size() - 1).path()).containsOnly(
                findings.get(0).evidence().get(2).path());
    }
}

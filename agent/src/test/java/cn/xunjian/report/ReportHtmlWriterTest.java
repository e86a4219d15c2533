package cn.xunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Verdict;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.testing.StaticAuditPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlWriterTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'&";
    private static final String SHA = "0".repeat(64);
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    @TempDir
    Path run;

    private static Finding f(String indicator, String kind, Severity severity, String message, Evidence... evidence) {
        return new Finding(indicator, kind, severity, "http://127.0.0.1/", message, List.of(evidence));
    }

    private Document render(SiteReport... sites) throws IOException {
        Report report = new Report("2026-11-22T02:00:00+08:00", Summary.of(List.of(sites)), List.of(sites));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportHtmlWriter(catalogue).write(report, Map.of(), run, out);
        return Jsoup.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachFindingWithEvidenceShowsItsCaptureTimeAndHowTheEvidenceWasSealed() throws IOException {
        Evidence shot = new Evidence("screenshot", "site-01/001-home.png", SHA);
        SiteReport site = new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 99.0,
                List.of(f("W-D2", "footer.icp.missing", Severity.DEDUCT, "页脚缺少ICP备案编号", shot),
                        f("W-D1", "link.broken", Severity.DEDUCT, "坏链")), List.of(), List.of());
        Report report = new Report("2026-11-22T02:00:00+08:00", Summary.of(List.of(site)), List.of(site));
        cn.xunjian.evidence.SealOutcome stamped = new cn.xunjian.evidence.SealOutcome("evidence-manifest.json",
                "ad0a99d9e110d292", "CN=巡检证据签名 ad0a99d9e110d292,O=Xunjian", null, "2026-11-22T02:05:00+08:00",
                "CN=巡检演示时间戳服务", "http://127.0.0.1:1/tsa", null, 1);
        cn.xunjian.evidence.SealOutcome unstamped = new cn.xunjian.evidence.SealOutcome("evidence-manifest.json",
                "ad0a99d9e110d292", "CN=…", null, null, null, "http://127.0.0.1:1/tsa",
                "时间戳服务 http://127.0.0.1:1/tsa 无法访问：连接被拒绝", 3);
        List<cn.xunjian.evidence.ManifestEntry> entries = List.of(new cn.xunjian.evidence.ManifestEntry(
                shot.path(), SHA, 3, "screenshot", "http://127.0.0.1/", "2026-11-22T02:01:07+08:00"));

        for (var seal : List.of(stamped, unstamped)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ReportHtmlWriter(catalogue).write(report, Map.of(), run, EvidenceState.of(seal, entries), out);
            Document page = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
            assertThat(page.select("li.finding .sealed")).singleElement().satisfies(line -> {
                assertThat(line.text()).startsWith("采集时间 2026-11-22T02:01:07+08:00")
                        .contains("核验状态：已签名（密钥 ad0a99d9e110d292）");
                assertThat(line.text()).contains(seal == stamped ? "已加盖时间戳 2026-11-22T02:05:00+08:00"
                        : "未加盖时间戳（时间戳服务 http://127.0.0.1:1/tsa 无法访问：连接被拒绝）");
            });
        }
    }

    @Test
    void aCheckThatErroredIsShownWithItsNameErrorAndEvidenceNextToACountOfTheOthers() throws IOException {
        Evidence shot = new Evidence("screenshot", "site-01/004-footer-error.png", SHA);
        Evidence source = new Evidence("html", "site-01/005-footer-error.html", SHA);
        List<CheckResult> checks = List.of(CheckResult.passed("home-links"), CheckResult.passed("hidden-links"),
                CheckResult.failed("wording"), CheckResult.errored("footer-marks", "页脚识别时页面已关闭", List.of(shot, source)));
        SiteReport site = new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 98.0,
                List.of(f("W-D2", "footer.icp.missing", Severity.DEDUCT, "页脚缺少ICP备案编号")), checks, List.of());

        Element section = render(site).getElementById("site-1");

        assertThat(section.select(".checks .tally").text())
                .contains("未发现问题 2 项").contains("发现问题 1 项").contains("未能完成 1 项");
        assertThat(section.select("li.errored")).singleElement().satisfies(li -> {
            assertThat(li.text()).contains("footer-marks").contains("页脚识别时页面已关闭");
            assertThat(li.select("a").eachAttr("href"))
                    .containsExactly("site-01/004-footer-error.png", "site-01/005-footer-error.html");
        });
    }

    @Test
    void aSiteWhoseChecksAllCompletedShowsOnlyTheCount() throws IOException {
        SiteReport site = new SiteReport("清河镇人民政府", null, "http://127.0.0.1/qh/", Verdict.PASSED, 100.0, List.of(),
                List.of(CheckResult.passed("home-links"), CheckResult.failed("wording")), List.of());

        Element section = render(site).getElementById("site-1");

        assertThat(section.select(".checks .tally").text()).contains("检查项共 2 项").contains("未能完成 0 项");
        assertThat(section.select(".errored")).isEmpty();
        assertThat(section.text()).contains("未发现问题。");
    }

    @Test
    void accountsAreTabledOnlyForTheSiteThatHasThemAndLinkToTheirFindings() throws IOException {
        Finding stale = new Finding("M-V2", "newmedia.stale-2w", Severity.VETO, "http://127.0.0.1/nm/ljwl.html",
                "“临江文旅”（新浪微博）超过两周未更新", List.of());
        SiteReport identified = new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 100.0,
                List.of(stale));
        String staleId = identified.findings().get(0).id();
        SiteReport withAccounts = new SiteReport(identified.name(), identified.siteCode(), identified.url(),
                identified.verdict(), identified.score(), identified.findings(), List.of(), List.of(
                        new AccountVerdict("临江文旅", "weibo", "http://127.0.0.1/nm/ljwl.html", Verdict.FAILED,
                                List.of(staleId)),
                        new AccountVerdict("临江发布", "wechat", "http://127.0.0.1/nm/ljfb.html", Verdict.PASSED, List.of())));
        SiteReport without = new SiteReport("清河镇人民政府", "3301850101", "http://127.0.0.1/qh/", Verdict.PASSED, 100.0,
                List.of());

        Document doc = render(withAccounts, without);

        List<Element> rows = doc.select("#site-1 table.accounts tr").subList(1, 3);
        assertThat(rows.get(0).text()).contains("临江文旅").contains("新浪微博").contains("不合格").contains("超过两周未更新");
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("http://127.0.0.1/nm/ljwl.html");
        String findingLink = rows.get(0).select("a").last().attr("href");
        assertThat(doc.select(findingLink)).singleElement()
                .satisfies(li -> assertThat(li.text()).contains("超过两周未更新"));
        assertThat(rows.get(1).text()).contains("临江发布").contains("微信公众号").contains("合格").contains("无");
        assertThat(doc.select("#site-2 table.accounts")).isEmpty();
        assertThat(doc.select("table.accounts")).hasSize(1);
    }

    @Test
    void textFromTheSiteIsShownAsTextNeverAsMarkup() throws IOException {
        SiteReport site = new SiteReport("临江" + HOSTILE, "3301850031", "http://127.0.0.1/?q=" + HOSTILE,
                Verdict.FAILED, null, List.of(f("W-V3", "home.stale", Severity.VETO, "首页未更新" + HOSTILE)),
                List.of(CheckResult.errored("footer-marks", "出错" + HOSTILE, List.of())), List.of());

        Document doc = render(site);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("#site-1 h2").text()).contains("临江" + HOSTILE);
        assertThat(doc.select("#summary a[href=#site-1]").text()).isEqualTo("临江" + HOSTILE);
        assertThat(doc.select("#site-1 li.finding").text()).contains("首页未更新" + HOSTILE);
        assertThat(doc.select("#site-1 li.errored").text()).contains("出错" + HOSTILE);
        assertThat(doc.select("#site-1 p a").attr("href")).isEqualTo("http://127.0.0.1/?q=" + HOSTILE);
    }

    @Test
    void theCircularShowsSiteTextAsTextToo() throws IOException {
        SiteReport site = new SiteReport("临江" + HOSTILE, "3301850031", "http://127.0.0.1/", Verdict.PASSED, 98.0,
                List.of(f("W-D2", "footer.icp.missing", Severity.DEDUCT, "缺ICP" + HOSTILE)));
        Report report = new Report("2026-11-22T02:00:00+08:00", Summary.of(List.of(site)), List.of(site));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CircularWriter().writeHtml(Circular.of(report, catalogue, CircularTemplate.standard()), out);

        Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("p.problem").text()).contains("临江" + HOSTILE + "网站缺ICP" + HOSTILE);
        assertThat(doc.select("#annex td").eachText()).contains("临江" + HOSTILE);
    }

    @Test
    void imageEvidenceIsAnEmbeddedThumbnailLinkingToTheFileAndThePageLoadsNothingFromOutside() throws IOException {
        Files.createDirectories(run.resolve("site-01"));
        Files.write(run.resolve("site-01/001-home-full.png"), StaticAuditPage.PNG);
        Evidence shot = new Evidence("screenshot", "site-01/001-home-full.png", SHA);
        Evidence missing = new Evidence("screenshot", "site-01/002-gone.png", SHA);
        SiteReport site = new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 100.0,
                List.of(f("W-V2", "availability.ok", Severity.INFO, "首页可以访问", shot, missing)));

        Document doc = render(site);

        assertThat(doc.select(".evidence a:has(img)")).singleElement().satisfies(a -> {
            assertThat(a.attr("href")).isEqualTo("site-01/001-home-full.png");
            assertThat(a.selectFirst("img").attr("src")).startsWith("data:image/jpeg;base64,");
        });
        assertThat(doc.select(".evidence a.file").attr("href")).isEqualTo("site-01/002-gone.png");
        assertThat(doc.select("[src]").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("data:"));
        assertThat(doc.select("link, script")).isEmpty();
        assertThat(doc.select("style")).isNotEmpty();
    }

    @Test
    void aDiskThatFillsUpWhileTheReportIsWrittenIsAnIoException() {
        List<Finding> many = java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> f("W-D1", "link.broken", Severity.DEDUCT, "链接无法打开：HTTP 404 第" + i + "个")).toList();
        SiteReport site = new SiteReport("临江县人民政府", "3301850031", "http://127.0.0.1/", Verdict.PASSED, 90.0, many);
        Report report = new Report("2026-11-22T02:00:00+08:00", Summary.of(List.of(site)), List.of(site));
        OutputStream full = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 20_000) {
                    throw new IOException("磁盘已满");
                }
            }
        };

        assertThatThrownBy(() -> new ReportHtmlWriter(catalogue).write(report, Map.of(), run, full))
                .isInstanceOf(IOException.class).hasMessage("磁盘已满");
    }
}

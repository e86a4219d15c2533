package cn.xunjian.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingIdsTest {
    private static Finding broken(String page, String target, String message) {
        return Finding.about("W-D1", "link.broken", Severity.DEDUCT, page, target, message, List.of());
    }

    @Test
    void theSameFindingOfAnUnchangedSiteHasTheSameIdInTheNextRun() {
        Finding now = broken("http://www.lj.gov.cn/a.html", "http://www.lj.gov.cn/x.pdf", "附件无法打开：HTTP 404");
        Finding again = broken("http://www.lj.gov.cn/a.html", "http://www.lj.gov.cn/x.pdf", "附件无法打开：HTTP 404");
        assertThat(FindingIds.fingerprint("http://www.lj.gov.cn/", now))
                .isEqualTo(FindingIds.fingerprint("http://www.lj.gov.cn/", again)).hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void theIdDoesNotDependOnTheSitesPortOrOnTheWordingOfNumbers() {
        Finding a = new Finding("W-V2", "availability.failed", Severity.VETO, "http://127.0.0.1:8081/",
                "本次40次探测失败3次", List.of());
        Finding b = new Finding("W-V2", "availability.failed", Severity.WARN, "http://127.0.0.1:9090/",
                "本次40次探测失败5次", List.of());
        assertThat(FindingIds.fingerprint("http://127.0.0.1:8081/", a))
                .isEqualTo(FindingIds.fingerprint("http://127.0.0.1:9090/", b));
    }

    @Test
    void detailsNameWhatTheMessageSaysWithoutChangingTheId() {
        Finding plain = broken("http://www.lj.gov.cn/a.html", "http://www.lj.gov.cn/x.pdf", "附件无法打开：HTTP 404");
        Finding detailed = plain.with("text", "2026年工作计划").with("status", "HTTP 404").with("none", null);
        assertThat(detailed.details()).containsExactly(java.util.Map.entry("text", "2026年工作计划"),
                java.util.Map.entry("status", "HTTP 404"));
        assertThat(detailed.withId("x").withSeverity(Severity.VETO).detail("text")).isEqualTo("2026年工作计划");
        assertThat(FindingIds.fingerprint("http://www.lj.gov.cn/", detailed))
                .isEqualTo(FindingIds.fingerprint("http://www.lj.gov.cn/", plain));
    }

    @Test
    void anotherSubjectKindOrPageIsAnotherFinding() {
        String site = "https://www.lj.gov.cn/";
        Finding base = broken(site + "a.html", site + "x.pdf", "附件无法打开");
        assertThat(FindingIds.fingerprint(site, base))
                .isNotEqualTo(FindingIds.fingerprint(site, broken(site + "a.html", site + "y.pdf", "附件无法打开")))
                .isNotEqualTo(FindingIds.fingerprint(site, broken(site + "b.html", site + "x.pdf", "附件无法打开")))
                .isNotEqualTo(FindingIds.fingerprint(site, Finding.about("W-D1", "link.soft404", Severity.DEDUCT,
                        site + "a.html", site + "x.pdf", "附件无法打开", List.of())));
    }

    @Test
    void repeatsOnOneSiteGetNumberedIdsAndKeptIdsStay() {
        Finding f = broken("http://a/", "http://b/", "坏链");
        List<Finding> ids = FindingIds.assign("http://a/", List.of(f, f, f.withId("given")));
        String base = FindingIds.fingerprint("http://a/", f);
        assertThat(ids).extracting(Finding::id).containsExactly(base, base + "-2", "given");
    }

    @Test
    void theSubjectStaysOutOfReportJsonButTheIdIsIn() throws Exception {
        Finding f = broken("http://a/", "http://b/", "坏链").withId("0123456789abcdef");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(f);
        assertThat(json).contains("\"id\":\"0123456789abcdef\"").doesNotContain("subject");
    }
}

package cn.xunjian.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.history.FindingChange.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDiffTest {
    private static Finding finding(String kind, Severity severity, String url, String message) {
        return new Finding("W-D1", kind, severity, url, message, List.of());
    }

    @Test
    void aFirstRunMarksEveryProblemNew() {
        List<FindingChange> changes = FindingDiff.diff(List.of(),
                List.of(finding("link.broken", Severity.DEDUCT, "http://a/1", "链接无法打开：HTTP 404")));
        assertThat(changes).extracting(FindingChange::change).containsExactly(Change.NEW);
    }

    @Test
    void aChangedCountInTheMessageIsStillTheSameOpenProblem() {
        Finding before = new Finding("W-V2", "availability.failed", Severity.WARN, "http://a/",
                "首页无法访问（HTTP 访问）：HTTP 503，用时0.1秒；本次40次探测失败1次（3%，否决线5%）", List.of());
        Finding now = new Finding("W-V2", "availability.failed", Severity.VETO, "http://a/",
                "首页无法访问（HTTP 访问）：HTTP 503，用时0.2秒；本次40次探测失败3次（7.5%，否决线5%）", List.of());
        assertThat(FindingDiff.diff(List.of(before), List.of(now)))
                .singleElement().satisfies(c -> {
                    assertThat(c.change()).isEqualTo(Change.OPEN);
                    assertThat(c.f()).isSameAs(now);
                    assertThat(c.change().label()).isEqualTo("仍存在");
                });
    }

    @Test
    void aDifferentUrlOrReasonIsANewProblemAndTheOldOneIsFixed() {
        Finding old = finding("link.broken", Severity.DEDUCT, "http://a/1", "链接无法打开：HTTP 404");
        Finding otherUrl = finding("link.broken", Severity.DEDUCT, "http://a/2", "链接无法打开：HTTP 404");
        Finding otherReason = finding("link.broken", Severity.DEDUCT, "http://a/1", "链接无法打开：连接超时");
        List<FindingChange> changes = FindingDiff.diff(List.of(old), List.of(otherUrl, otherReason));
        assertThat(changes).extracting(FindingChange::change).containsExactly(Change.NEW, Change.NEW, Change.FIXED);
        assertThat(changes.get(2).f()).isSameAs(old);
        assertThat(changes.get(2).change().label()).isEqualTo("已整改");
        assertThat(changes.get(0).change().label()).isEqualTo("新发现");
    }

    @Test
    void repeatedProblemsAreMatchedOneToOne() {
        Finding a = finding("typo", Severity.DEDUCT, "http://a/", "错别字“帐号”应为“账号”");
        List<FindingChange> moreNow = FindingDiff.diff(List.of(a), List.of(a, a));
        assertThat(moreNow).extracting(FindingChange::change).containsExactly(Change.OPEN, Change.NEW);
        List<FindingChange> fewerNow = FindingDiff.diff(List.of(a, a, a), List.of(a));
        assertThat(fewerNow).extracting(FindingChange::change).containsExactly(Change.OPEN, Change.FIXED, Change.FIXED);
    }

    @Test
    void informationalFindingsTakeNoPart() {
        Finding info = new Finding("W-V2", "availability.ok", Severity.INFO, "http://a/", "首页可以访问", List.of());
        assertThat(FindingDiff.diff(List.of(info), List.of())).isEmpty();
        assertThat(FindingDiff.diff(List.of(), List.of(info))).isEmpty();
    }

    @Test
    void theMessageKeyReplacesNumbersAndCollapsesSpaces() {
        assertThat(FindingDiff.messageKey("共 12 个栏目  超过 180 天未更新，最近 2026-05-01"))
                .isEqualTo("共 # 个栏目 超过 # 天未更新，最近 #-#-#");
    }
}

package cn.xunjian.score;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Account;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Verdict;
import cn.xunjian.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private final Scorer scorer = new Scorer(IndicatorCatalogue.standard());

    private static int seq;

    /** Each finding at its own place, so they are distinct problems. */
    private static Finding f(String indicator, String kind, Severity severity) {
        return new Finding(indicator, kind, severity, "http://127.0.0.1/p" + (seq++), "测试", List.of());
    }

    @Test
    void aSiteWithoutFindingsScoresFullMarks() {
        Judgement v = scorer.judge(List.of());
        assertThat(v.verdict().passed()).isTrue();
        assertThat(v.score()).isEqualTo(100.0);
        assertThat(v.verdict().label()).isEqualTo("合格");
    }

    @Test
    void anyVetoFailsTheSiteAndNothingElseIsScored() {
        Judgement v = scorer.judge(List.of(f("W-V2", "availability.failed", Severity.VETO)));
        assertThat(v.verdict().passed()).isFalse();
        assertThat(v.score()).isNull();
        assertThat(v.verdict().label()).isEqualTo("不合格");
    }

    @Test
    void deductionsUseThePointsOfTheCatalogue() {
        Judgement v = scorer.judge(List.of(
                f("W-D1", "link.broken.home", Severity.DEDUCT),
                f("W-D1", "link.broken", Severity.DEDUCT),
                f("W-D2", "footer.icp.missing", Severity.DEDUCT)));
        assertThat(v.score()).isEqualTo(100 - 1 - 0.1 - 1);
    }

    @Test
    void deductionsAreCappedPerIndicator() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(f("W-D2", "footer.icp.missing", Severity.DEDUCT));
        }
        assertThat(scorer.judge(many).score()).isEqualTo(90.0);
    }

    @Test
    void theSameProblemAtTheSamePlaceIsDeductedOnce() {
        Finding column = new Finding("W-D7", "column.policy-stale", Severity.DEDUCT, "http://127.0.0.1/zcwj/", "超期", List.of());
        Finding other = new Finding("W-D7", "column.policy-stale", Severity.DEDUCT, "http://127.0.0.1/gfxwj/", "超期", List.of());
        assertThat(scorer.judge(List.of(column, column)).score()).isEqualTo(95.0);
        assertThat(scorer.judge(List.of(column, other)).score()).isEqualTo(95.0); // capped at 5
        Finding link = new Finding("W-D1", "link.broken", Severity.DEDUCT, "http://127.0.0.1/a", "坏链", List.of());
        assertThat(scorer.judge(List.of(link, link)).score()).isEqualTo(99.9);
    }

    @Test
    void warningsAndInformationDoNotDeduct() {
        Judgement v = scorer.judge(List.of(f("W-D2", "footer.icp.unlinked", Severity.WARN),
                f("W-V2", "availability.ok", Severity.INFO)));
        assertThat(v.score()).isEqualTo(100.0);
    }

    @Test
    void exactlySixtyPasses() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            findings.add(f("W-D1", "link.broken.home", Severity.DEDUCT)); // capped at 20
        }
        for (int i = 0; i < 10; i++) {
            findings.add(f("W-D2", "footer.icp.missing", Severity.DEDUCT)); // capped at 10
        }
        for (int i = 0; i < 20; i++) {
            findings.add(f("W-D5", "wording.typo", Severity.DEDUCT)); // 0.5 each, capped at 10
        }
        Judgement v = scorer.judge(findings);
        assertThat(v.score()).isEqualTo(60.0);
        assertThat(v.verdict().passed()).isTrue();
        findings.add(f("W-D6", "privacy.id-number", Severity.DEDUCT));
        assertThat(scorer.judge(findings).verdict().passed()).isFalse();
    }

    @Test
    void differentProblemsOnOnePageAreDeductedEach() {
        Finding a = new Finding("W-D5", "wording.typo", Severity.DEDUCT, "http://127.0.0.1/a.html", "“按装”应为“安装”", List.of());
        Finding b = new Finding("W-D5", "wording.typo", Severity.DEDUCT, "http://127.0.0.1/a.html", "“既使”应为“即使”", List.of());
        assertThat(scorer.judge(List.of(a, b, a)).score()).isEqualTo(99.0);
    }

    @Test
    void aNewMediaVetoDoesNotFailTheWebsite() {
        Judgement v = scorer.judge(List.of(f("M-V2", "newmedia.stale-2w", Severity.VETO),
                f("M-D1", "webview.empty-column", Severity.DEDUCT)));
        assertThat(v.verdict().passed()).isTrue();
        assertThat(v.score()).isEqualTo(100.0);
    }

    @Test
    void eachAccountIsJudgedOnItsOwnFindingsAndAnUnnamedOneGetsItsUrlAsName() {
        List<Finding> findings = cn.xunjian.model.FindingIds.assign("http://127.0.0.1/", List.of(
                new Finding("M-V2", "newmedia.stale-2w", Severity.VETO, "http://127.0.0.1/wb", "超过两周未更新", List.of()),
                new Finding("M-V2", "newmedia.fresh", Severity.INFO, "http://127.0.0.1/wx", "正常更新", List.of()),
                new Finding("W-D1", "link.broken", Severity.DEDUCT, "http://127.0.0.1/wx", "坏链", List.of()),
                new Finding("M-D1", "webview.page-error", Severity.DEDUCT, "http://127.0.0.1/h5", "脚本错误", List.of())));
        List<AccountVerdict> accounts = scorer.judgeAccounts(List.of(
                new Account("临江文旅", "weibo", "http://127.0.0.1/wb"),
                new Account("临江发布", "wechat", "http://127.0.0.1/wx")), findings);
        assertThat(accounts).extracting(AccountVerdict::name).containsExactly("临江文旅", "临江发布", "http://127.0.0.1/h5");
        assertThat(accounts).extracting(AccountVerdict::verdict)
                .containsExactly(Verdict.FAILED, Verdict.PASSED, Verdict.PASSED);
        assertThat(accounts.get(0).findings()).containsExactly(findings.get(0).id());
        assertThat(accounts.get(1).findings()).containsExactly(findings.get(1).id());
    }
}

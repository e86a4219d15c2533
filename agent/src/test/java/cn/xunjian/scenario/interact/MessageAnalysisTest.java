package cn.xunjian.scenario.interact;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAnalysisTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final MessageAnalysis analysis = new MessageAnalysis(MessageRules.standard(), WorkingDayCalendar.standard());

    private static PublicMessage m(String title, String asked, String answered, PublicMessage.Status status) {
        return new PublicMessage(title, "http://127.0.0.1/" + title + ".html", asked == null ? null : LocalDate.parse(asked),
                answered == null ? null : LocalDate.parse(answered), status);
    }

    private List<Finding> judge(PublicMessage... ms) {
        return analysis.judge(List.of(ms), TODAY, "http://127.0.0.1/list.html");
    }

    @Test
    void aMessageOfTheLastYearUnansweredForMoreThanNinetyDaysIsAVeto() {
        List<Finding> fs = judge(m("a", "2026-08-23", null, PublicMessage.Status.UNANSWERED),
                m("b", "2026-11-20", "2026-11-21", PublicMessage.Status.ANSWERED));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V5");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("91 天");
        });
    }

    @Test
    void exactlyNinetyDaysIsNotYetAVetoAndMessagesOlderThanAYearAreIgnored() {
        assertThat(judge(m("a", "2026-08-24", null, PublicMessage.Status.UNANSWERED),
                m("old", "2025-10-01", null, PublicMessage.Status.UNANSWERED),
                m("b", "2026-11-20", "2026-11-21", PublicMessage.Status.ANSWERED))).isEmpty();
    }

    @Test
    void aReplyAfterMoreThanFiveWorkingDaysIsADeductionCountedWithTheHolidayCalendar() {
        // 2026-09-30 → 2026-10-12 spans 国庆: only 4 working days, not slow.
        assertThat(judge(m("holiday", "2026-09-30", "2026-10-12", PublicMessage.Status.ANSWERED),
                m("recent", "2026-11-16", "2026-11-17", PublicMessage.Status.ANSWERED))).isEmpty();
        // 12 working days: 2026-11-02 (Mon) → 2026-11-18 (Wed)
        List<Finding> fs = judge(m("slow", "2026-11-02", "2026-11-18", PublicMessage.Status.ANSWERED));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("interaction.slow-reply");
            assertThat(f.severity()).isEqualTo(Severity.DEDUCT);
            assertThat(f.indicator()).isEqualTo("W-D4");
            assertThat(f.message()).contains("12 个工作日");
        });
    }

    @Test
    void noReplyInSixtyDaysAndMissingDatesAreDeductions() {
        List<Finding> fs = judge(m("a", "2026-08-01", "2026-08-03", PublicMessage.Status.ANSWERED),
                m("b", null, null, PublicMessage.Status.ANSWERED));
        assertThat(fs).extracting(Finding::kind).containsExactlyInAnyOrder("interaction.no-reply-2-months",
                "interaction.dates-missing");
        assertThat(fs).allSatisfy(f -> assertThat(f.url()).isEqualTo("http://127.0.0.1/list.html"));
    }

    @Test
    void invalidMessagesDoNotCount() {
        assertThat(judge(m("spam", "2026-05-01", null, PublicMessage.Status.INVALID),
                m("b", "2026-11-20", "2026-11-21", PublicMessage.Status.ANSWERED))).isEmpty();
    }
}

package cn.xunjian.scenario.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = WorkingDayCalendar.standard();

    @Test
    void coversTwentyTwentyFiveAndTwentySixOfficiallyAndTwentySevenProvisionally() {
        assertThat(calendar.years()).containsEntry(2025, "official").containsEntry(2026, "official")
                .containsEntry(2027, "provisional");
    }

    @Test
    void holidaysAreOffAndAdjustedWeekendsAreOn() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse(); // 国庆中秋, a Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue(); // 调休上班, a Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // 春节, a Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // 调休上班, a Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // plain Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse(); // 春节初三 (statutory)
    }

    @Test
    void countsWorkingDaysAfterTheFirstDayUpToTheLast() {
        // Mon 2026-11-02 → Mon 2026-11-09: Tue..Fri and Mon = 5
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9))).isEqualTo(5);
        // Across 国庆 2026 (10-01..10-07 off, 10-10 Saturday on): 09-30 → 10-12 = 10-08, 10-09, 10-10, 10-12
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))).isZero();
    }
}

package cn.xunjian.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyAvailabilityTest {
    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 15);

    @Test
    void aFullWeekBelowTheVetoRatioIsOkWithOneInformationalFinding() {
        List<ProbeRecord> probes = Probes.failFirst(Probes.days(MONDAY, 7, 20), 6);
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(week.days()).hasSize(7).allSatisfy(d -> assertThat(d.probes()).isEqualTo(20));
        assertThat(week.probes()).isEqualTo(140);
        assertThat(week.failures()).isEqualTo(6);
        assertThat(week.thinDays()).isZero();
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.OK);
        assertThat(week.finding().kind()).isEqualTo("availability.week-ok");
        assertThat(week.finding().severity()).isEqualTo(Severity.INFO);
        assertThat(week.sentence()).contains("11月15日至11月21日").contains("共探测140次").contains("失败6次")
                .contains("4.3%").contains("低于5%否决线");
    }

    @Test
    void exactlyFivePercentOfAFullWeekIsAVeto() {
        List<ProbeRecord> probes = Probes.failFirst(Probes.days(MONDAY, 7, 20), 7);
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.ratio()).isEqualTo(0.05);
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.VETO);
        assertThat(week.finding().kind()).isEqualTo("availability.week-failed");
        assertThat(week.finding().severity()).isEqualTo(Severity.VETO);
        assertThat(week.finding().indicator()).isEqualTo("W-V2");
        assertThat(week.finding().url()).isEqualTo(Probes.URL);
        assertThat(week.sentence()).contains("失败7次（5%）").contains("单项否决");
    }

    @Test
    void daysWithFewerThanTwentyProbesMakeTheWeekInsufficientAndAreCounted() {
        List<ProbeRecord> probes = new ArrayList<>(Probes.days(MONDAY, 5, 20));
        probes.addAll(Probes.days(MONDAY.plusDays(5), 2, 12));
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.thinDays()).isEqualTo(2);
        assertThat(week.days()).extracting(AvailabilityWeek.DayCount::probes).containsExactly(20, 20, 20, 20, 20, 12, 12);
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.INSUFFICIENT);
        assertThat(week.finding().kind()).isEqualTo("availability.week-insufficient");
        assertThat(week.finding().severity()).isEqualTo(Severity.WARN);
        assertThat(week.sentence()).contains("有2天探测少于20次").contains("样本不足");
    }

    @Test
    void failuresThatReachTheRatioEvenIfEveryMissingProbeSucceededAreAVetoDespiteThinDays() {
        List<ProbeRecord> probes = Probes.failFirst(Probes.days(MONDAY, 7, 10), 7);
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.thinDays()).isEqualTo(7);
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.VETO);
        assertThat(week.sentence()).contains("即使补足探测也已达到5%否决线");
    }

    @Test
    void probesOfTodayAndOfEightDaysAgoAreOutsideTheJudgedWeek() {
        List<ProbeRecord> probes = new ArrayList<>(Probes.days(MONDAY, 7, 20));
        ZonedDateTime today = LocalDate.of(2026, 11, 22).atStartOfDay(ShanghaiTime.ZONE);
        for (int i = 0; i < 9; i++) {
            probes.add(Probes.failed(today.plusMinutes(10 + i)));
            probes.add(Probes.failed(today.minusDays(8).plusMinutes(10 + i)));
        }
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.probes()).isEqualTo(140);
        assertThat(week.failures()).isZero();
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.OK);
    }

    @Test
    void daysFollowTheShanghaiCalendarNotUtc() {
        // 23:30 on 20 November in Shanghai is 15:30 UTC the same day; 00:30 on 21 November is 16:30 UTC on the 20th.
        ZonedDateTime lateEvening = ZonedDateTime.of(2026, 11, 20, 23, 30, 0, 0, ShanghaiTime.ZONE);
        List<ProbeRecord> probes = List.of(Probes.ok(lateEvening, 200), Probes.ok(lateEvening.plusHours(1), 200));
        AvailabilityWeek week = WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE);
        assertThat(week.days()).filteredOn(d -> d.probes() > 0).extracting(AvailabilityWeek.DayCount::day)
                .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21));
    }

    @Test
    void aSuccessfulProbeSlowerThanTheTimeoutCountsAsAFailure() {
        List<ProbeRecord> probes = new ArrayList<>(Probes.days(MONDAY, 7, 20));
        probes.add(Probes.ok(MONDAY.atStartOfDay(ShanghaiTime.ZONE).plusHours(3), 15_001));
        assertThat(WeeklyAvailability.judge(probes, Probes.CLOCK, CATALOGUE).failures()).isEqualTo(1);
    }

    @Test
    void noProbesAtAllIsInsufficientWithSevenThinDays() {
        AvailabilityWeek week = WeeklyAvailability.judge(List.of(), Probes.CLOCK, CATALOGUE);
        assertThat(week.verdict()).isEqualTo(AvailabilityVerdict.INSUFFICIENT);
        assertThat(week.thinDays()).isEqualTo(7);
        assertThat(week.sentence()).contains("没有首页探测记录");
    }

    @Test
    void theForecastCountsTheTrailingSevenDaysIncludingTodayAndSaysHowManyFailuresAreLeft() {
        // 16–21 November full (120), 22 November until 10:00 (20 probes), 15 November after 10:00 (10 probes).
        List<ProbeRecord> probes = new ArrayList<>(Probes.days(MONDAY.plusDays(1), 6, 20));
        ZonedDateTime today = LocalDate.of(2026, 11, 22).atStartOfDay(ShanghaiTime.ZONE);
        for (int i = 0; i < 20; i++) {
            probes.add(i < 3 ? Probes.failed(today.plusMinutes(i * 25L)) : Probes.ok(today.plusMinutes(i * 25L), 400));
        }
        ZonedDateTime monday = MONDAY.atStartOfDay(ShanghaiTime.ZONE);
        for (int i = 0; i < 10; i++) {
            probes.add(Probes.ok(monday.plusHours(11 + i), 400));
            probes.add(Probes.failed(monday.plusHours(1).plusMinutes(i)));
        }
        AvailabilityForecast forecast = WeeklyAvailability.forecast(probes, Probes.CLOCK, CATALOGUE);
        assertThat(forecast.probes()).isEqualTo(150);
        assertThat(forecast.failures()).isEqualTo(3);
        assertThat(forecast.verdict()).isEqualTo(AvailabilityVerdict.OK);
        // 5 % of 150 is 7.5, so the 8th failure vetoes: four more may fail, the fifth vetoes.
        assertThat(forecast.headroom()).isEqualTo(4);
        assertThat(forecast.sentence()).startsWith("如果今天检查").contains("再失败5次将被否决");
    }

    @Test
    void theForecastVetoesOnceTheFailuresReachTheRatioOfTheMinimumSample() {
        ZonedDateTime today = LocalDate.of(2026, 11, 22).atStartOfDay(ShanghaiTime.ZONE);
        List<ProbeRecord> probes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            probes.add(Probes.failed(today.plusMinutes(i)));
        }
        AvailabilityForecast forecast = WeeklyAvailability.forecast(probes, Probes.CLOCK, CATALOGUE);
        assertThat(forecast.verdict()).isEqualTo(AvailabilityVerdict.VETO);
        assertThat(forecast.headroom()).isZero();
        assertThat(forecast.sentence()).contains("将被单项否决");
    }
}

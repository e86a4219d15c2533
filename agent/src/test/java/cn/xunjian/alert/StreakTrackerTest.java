package cn.xunjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.history.FindingDiff;
import cn.xunjian.internal.ShanghaiTime;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreakTrackerTest {
    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 22, 2, 0, 0, 0, ShanghaiTime.ZONE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final AlertEvent.Site OTHER = new AlertEvent.Site("另一个站", "http://127.0.0.1:10/");

    /** 'F' = failed probe, 'S' = successful probe, one per hour from T0. */
    private static List<Optional<AlertEvent>> run(StreakTracker tracker, AlertEvent.Site site, String sequence) {
        List<Optional<AlertEvent>> out = new ArrayList<>();
        for (int i = 0; i < sequence.length(); i++) {
            boolean ok = sequence.charAt(i) == 'S';
            out.add(tracker.observe(site, probe(site, ok, i)));
        }
        return out;
    }

    private static ProbeRecord probe(AlertEvent.Site site, boolean ok, int hour) {
        return new ProbeRecord("http", site.url(), ok ? 200 : 0, ok ? 300 : 15000, ok, ok ? "" : "超过15秒未响应",
                T0.plusHours(hour).format(ISO));
    }

    private static String kinds(List<Optional<AlertEvent>> events) {
        StringBuilder out = new StringBuilder();
        events.forEach(e -> out.append(e.map(ev -> ev instanceof AlertEvent.ProbeStreak ? "A"
                : ev instanceof AlertEvent.Recovered ? "R" : "?").orElse(".")));
        return out.toString();
    }

    @Test
    void theThirdFailureInARowRaisesOneAlertAndTheNextSuccessOneRecovery() {
        List<Optional<AlertEvent>> events = run(new StreakTracker(3), Events.SITE, "SFFFFFSS");
        assertThat(kinds(events)).isEqualTo("...A..R.");
        AlertEvent.ProbeStreak streak = (AlertEvent.ProbeStreak) events.get(3).orElseThrow();
        assertThat(streak.failures()).isEqualTo(3);
        assertThat(streak.since()).isEqualTo(T0.plusHours(1).toInstant());
        assertThat(streak.reason()).isEqualTo("超过15秒未响应");
        AlertEvent.Recovered recovered = (AlertEvent.Recovered) events.get(6).orElseThrow();
        assertThat(recovered.downtime()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aStreakShorterThanTheThresholdEndsSilently() {
        assertThat(kinds(run(new StreakTracker(3), Events.SITE, "FFSFFSFS"))).isEqualTo("........");
    }

    @Test
    void aNewStreakAfterARecoveryIsAlertedAgain() {
        assertThat(kinds(run(new StreakTracker(2), Events.SITE, "FFFSFFS"))).isEqualTo(".A.R.AR");
    }

    @Test
    void aThresholdOfOneAlertsOnTheFirstFailure() {
        assertThat(kinds(run(new StreakTracker(1), Events.SITE, "FFS"))).isEqualTo("A.R");
    }

    @Test
    void sitesAreTrackedSeparately() {
        StreakTracker tracker = new StreakTracker(2);
        assertThat(tracker.observe(Events.SITE, probe(Events.SITE, false, 0))).isEmpty();
        assertThat(tracker.observe(OTHER, probe(OTHER, false, 0))).isEmpty();
        assertThat(tracker.observe(OTHER, probe(OTHER, true, 1))).isEmpty();
        assertThat(tracker.observe(Events.SITE, probe(Events.SITE, false, 1))).get()
                .isInstanceOf(AlertEvent.ProbeStreak.class);
        assertThat(tracker.failures(Events.SITE.url())).isEqualTo(2);
        assertThat(tracker.failures(OTHER.url())).isZero();
    }

    @Test
    void primingWithStoredProbesContinuesAnAlertedStreakWithoutAlertingAgain() {
        StreakTracker tracker = new StreakTracker(3);
        tracker.prime(Events.SITE, List.of(probe(Events.SITE, false, 0), probe(Events.SITE, false, 1),
                probe(Events.SITE, false, 2), probe(Events.SITE, false, 3)));
        assertThat(tracker.observe(Events.SITE, probe(Events.SITE, false, 4))).isEmpty();
        assertThat(tracker.observe(Events.SITE, probe(Events.SITE, true, 5))).get()
                .isInstanceOfSatisfying(AlertEvent.Recovered.class,
                        r -> assertThat(r.downtime()).isEqualTo(Duration.ofHours(5)));
    }

    @Test
    void onlyNewVetoFindingsOfADiffBecomeNewVetoEvents() {
        Finding veto = new Finding("W-V3", "home.stale", Severity.VETO, "http://a/", "首页20天未更新", List.of());
        Finding oldVeto = new Finding("W-V4", "column.blank", Severity.VETO, "http://a/x", "栏目无内容", List.of());
        Finding deduct = new Finding("W-D1", "link.broken", Severity.DEDUCT, "http://a/y", "链接无法打开", List.of());
        List<AlertEvent> events = AlertEvent.newVetoes(Events.SITE,
                FindingDiff.diff(List.of(oldVeto), List.of(veto, oldVeto, deduct)));
        assertThat(events).singleElement().isInstanceOfSatisfying(AlertEvent.NewVeto.class,
                e -> assertThat(e.finding()).isSameAs(veto));
    }
}

package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.ProbeRecord;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.score.IndicatorCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityCheckTest {
    private final AvailabilityCheck check = new AvailabilityCheck(IndicatorCatalogue.standard().availability());
    private static final String AT = "2026-11-22T02:00:00+08:00";

    @Test
    void allProbesOpeningIsOneInformationalFindingWithTheTimings() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("http", "http://127.0.0.1/", 200, 120, true, "", AT),
                new ProbeRecord("browser", "http://127.0.0.1/", 200, 1500, true, "", AT));
        List<Finding> findings = check.judge(probes, Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("availability.ok");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("最慢1.5秒").contains("限15秒");
        });
    }

    @Test
    void failedProbesAboveTheVetoRatioAreVetoFindings() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("http", "http://127.0.0.1/", 0, 15000, false, "超过15秒未响应", AT),
                new ProbeRecord("browser", "http://127.0.0.1/", 200, 900, true, "", AT));
        List<Finding> findings = check.judge(probes, Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicator()).isEqualTo("W-V2");
            assertThat(f.severity()).isEqualTo(Severity.VETO);
            assertThat(f.message()).contains("超过15秒未响应").contains("失败1次").contains("50%");
        });
    }

    @Test
    void aFailureBelowTheVetoRatioIsOnlyAWarning() {
        var probes = new java.util.ArrayList<ProbeRecord>();
        for (int i = 0; i < 39; i++) {
            probes.add(new ProbeRecord("http", "http://127.0.0.1/", 200, 100 + i, true, "", AT));
        }
        probes.add(new ProbeRecord("http", "http://127.0.0.1/", 503, 80, false, "HTTP 503", AT));
        assertThat(check.judge(probes, Map.of())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }
}

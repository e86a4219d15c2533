package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeSpreadTest {
    @Test
    void sitesAreSpreadEvenlyOverOneIntervalSoNoTwoStartTogether() {
        Duration hour = Duration.ofHours(1);
        var offsets = IntStream.range(0, 24).mapToObj(i -> ProbeSpread.offset(i, 24, hour)).toList();

        assertThat(offsets.get(0)).isEqualTo(Duration.ZERO);
        assertThat(offsets.get(1)).isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
        assertThat(offsets).doesNotHaveDuplicates().allMatch(d -> d.compareTo(hour) < 0);
    }

    @Test
    void anIndexOutsideTheSitesIsAnError() {
        assertThatThrownBy(() -> ProbeSpread.offset(3, 3, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

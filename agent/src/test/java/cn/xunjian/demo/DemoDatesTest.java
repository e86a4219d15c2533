package cn.xunjian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DemoDatesTest {
    private final DemoDates dates = new DemoDates(
            Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

    @Test
    void placeholdersBecomeDatesRelativeToToday() {
        assertThat(dates.resolve("<span>{{date:-3}}</span><i>{{date:0:yyyy年M月d日}}</i>[{{date:-40:MM-dd}}]"))
                .isEqualTo("<span>2026-11-20</span><i>2026年11月23日</i>[10-14]");
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        assertThat(dates.resolve("发布时间：2026-10-30 {{other}}")).isEqualTo("发布时间：2026-10-30 {{other}}");
    }
}

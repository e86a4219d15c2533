package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Timings;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingLineTest {
    private final TimingLine line = TimingLine.standard();

    @Test
    void namesTheLongestPhasesInChineseWithTheTotalFirst() {
        Timings t = new Timings(12_340, List.of(
                new Timings.Phase("probe", null, 120, 1),
                new Timings.Phase("home", null, 2_100, 1),
                new Timings.Phase("check", "footer", 900, 1),
                new Timings.Phase("crawl", null, 5_000, 1),
                new Timings.Phase("render", null, 3_200, 4),
                new Timings.Phase("ocr", null, 800, 6),
                new Timings.Phase("archive", null, 40, 1),
                new Timings.Phase("qr", null, 10, 2)));
        assertThat(line.of(t)).isEqualTo("耗时 12.3 秒：全站抓取 5.0 秒，页面渲染 4 次 3.2 秒，首页打开 2.1 秒，"
                + "检查 footer 0.9 秒，图片文字识别 6 次 0.8 秒，HTTP 探测 0.1 秒");
    }

    @Test
    void saysNothingForASiteWithoutTimings() {
        assertThat(line.of(Timings.NONE)).isEmpty();
    }
}

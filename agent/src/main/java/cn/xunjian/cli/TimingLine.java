package cn.xunjian.cli;

import cn.xunjian.internal.RuleFiles;
import cn.xunjian.model.Timings;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary line of where one site's audit spent its time: the total, then the phases that took longest, named as
 * {@code phase-labels.json} says. Phases nest (renders and OCR run inside checks and the crawl), which the line does
 * not hide: it lists them side by side, as report.json does.
 */
public final class TimingLine {
    private final Map<String, String> labels;
    private final int shown;

    private record File(String about, Map<String, String> labels, int shown) {
    }

    TimingLine(Map<String, String> labels, int shown) {
        this.labels = Map.copyOf(labels);
        this.shown = shown;
    }

    public static TimingLine standard() {
        File file = RuleFiles.load(TimingLine.class, "phase-labels.json", File.class);
        return new TimingLine(file.labels(), file.shown());
    }

    /** The line, or empty when the site has no timings (it was not audited here). */
    String of(Timings timings) {
        if (timings.phases().isEmpty()) {
            return "";
        }
        List<Timings.Phase> longest = timings.phases().stream()
                .sorted(Comparator.comparingLong(Timings.Phase::millis).reversed()).limit(shown).toList();
        return "耗时 " + seconds(timings.totalMillis()) + "：" + longest.stream().map(this::phase)
                .collect(Collectors.joining("，"));
    }

    private String phase(Timings.Phase p) {
        String label = labels.getOrDefault(p.phase(), p.phase()).replace("{check}", p.check() == null ? "" : p.check());
        String times = p.count() > 1 && !"check".equals(p.phase()) ? " " + p.count() + " 次" : "";
        return label + times + " " + seconds(p.millis());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f 秒", millis / 1000.0);
    }
}

package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Evidence;
import cn.xunjian.score.IndicatorCatalogue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes every finding as findings.csv (UTF-8 with BOM so spreadsheet programs read the Chinese right). */
public final class FindingsCsvWriter {
    public static final String FILE = "findings.csv";
    private static final List<String> HEADER = List.of("网站名称", "网站标识码", "网址", "结论", "得分", "指标", "指标名称",
            "问题类型", "严重程度", "页面或链接", "说明", "证据");

    private final IndicatorCatalogue catalogue;

    public FindingsCsvWriter(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Writes the findings as UTF-8 CSV; {@code out} is left open. */
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, HEADER);
        for (SiteReport site : report.sites()) {
            String score = site.score() == null ? "" : String.format(Locale.ROOT, "%.2f", site.score());
            for (Finding f : site.findings()) {
                String name = catalogue.knows(f.indicator()) ? catalogue.indicator(f.indicator()).name() : "";
                String evidence = f.evidence().stream().map(Evidence::path).collect(Collectors.joining(" "));
                row(csv, List.of(site.name(), site.siteCode() == null ? "" : site.siteCode(), site.url(), site.verdict().label(),
                        score, f.indicator(), name, f.kind(), f.severity().label(), f.url(), f.message(), evidence));
            }
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}

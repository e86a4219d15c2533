package cn.xunjian.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The whole of report.json; its shape is a contract (DESIGN.md). */
@JsonPropertyOrder({"generatedAt", "summary", "sites"})
public record Report(String generatedAt, Summary summary, List<SiteReport> sites) {
    public Report {
        sites = List.copyOf(sites);
    }

    public boolean allPassed() {
        return sites.stream().allMatch(SiteReport::passed);
    }
}

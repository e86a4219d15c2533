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

    /** Whether every new-media account, mini program and web view of every site passed. */
    public boolean allAccountsPassed() {
        return sites.stream().flatMap(s -> s.accounts().stream()).allMatch(a -> a.verdict().passed());
    }
}

package cn.xunjian.report;

import cn.xunjian.check.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One site's part of report.json. {@code score} is null when a veto item decided the verdict. */
@JsonPropertyOrder({"name", "siteCode", "url", "verdict", "score", "findings"})
public record SiteReport(String name, @JsonInclude(JsonInclude.Include.ALWAYS) String siteCode, String url,
                         String verdict, @JsonInclude(JsonInclude.Include.ALWAYS) Double score,
                         List<Finding> findings) {
    public SiteReport {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return "合格".equals(verdict);
    }
}

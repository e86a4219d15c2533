package cn.xunjian.report;

import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Finding;
import cn.xunjian.model.FindingIds;
import cn.xunjian.model.Timings;
import cn.xunjian.model.Verdict;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One site's part of report.json. {@code score} is null when a veto item decided the verdict. Every finding
 * carries its stable id; {@code checks} says what each check came to, {@code accounts} how each new-media account
 * of the site was judged,
 * {@code timings} where its audit spent its time (absent for reports read back from a store).
 */
@JsonPropertyOrder({"name", "siteCode", "url", "verdict", "score", "findings", "checks", "accounts", "timings"})
public record SiteReport(String name, @JsonInclude(JsonInclude.Include.ALWAYS) String siteCode, String url,
                         Verdict verdict, @JsonInclude(JsonInclude.Include.ALWAYS) Double score,
                         List<Finding> findings, List<CheckResult> checks, List<AccountVerdict> accounts,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Timings.NoneFilter.class)
                         Timings timings) {
    public SiteReport {
        findings = FindingIds.assign(url, findings);
        checks = checks == null ? List.of() : List.copyOf(checks);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        timings = timings == null ? Timings.NONE : timings;
    }

    /** A site report without timings (stored runs, tests). */
    public SiteReport(String name, String siteCode, String url, Verdict verdict, Double score,
                      List<Finding> findings, List<CheckResult> checks, List<AccountVerdict> accounts) {
        this(name, siteCode, url, verdict, score, findings, checks, accounts, Timings.NONE);
    }

    /** A site report without check outcomes or accounts (stored runs, tests). */
    public SiteReport(String name, String siteCode, String url, Verdict verdict, Double score,
                      List<Finding> findings) {
        this(name, siteCode, url, verdict, score, findings, List.of(), List.of(), Timings.NONE);
    }

    public boolean passed() {
        return verdict.passed();
    }
}

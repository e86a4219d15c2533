package cn.xunjian.audit;

import cn.xunjian.model.Account;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Timings;
import java.util.List;

/**
 * What auditing one site came to before scoring: its findings in report order, what each check came to, and the
 * new-media accounts the checks found, and where the audit spent its time.
 */
record SiteAudit(List<Finding> findings, List<CheckResult> checks, List<Account> accounts, Timings timings) {
    SiteAudit {
        findings = List.copyOf(findings);
        checks = List.copyOf(checks);
        accounts = List.copyOf(accounts);
        timings = timings == null ? Timings.NONE : timings;
    }
}

package cn.xunjian.report;

import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The new-media accounts, mini programs and web views of a batch, each judged on its own as the indicators
 * require (合格 unless a new-media veto item hit it): the accounts each site report lists, with the findings they
 * name by id.
 */
public final class NewMediaAccounts {
    /** One account and what was found about it. */
    public record Account(String site, String name, String platform, String url, Verdict verdict,
                          List<Finding> findings) {
        public boolean passed() {
            return verdict.passed();
        }

        /** The problems an annex lists: vetoes and deductions. */
        public List<Finding> problems() {
            return findings.stream().filter(f -> f.severity() == Severity.VETO || f.severity() == Severity.DEDUCT)
                    .toList();
        }
    }

    private NewMediaAccounts() {
    }

    /** How many accounts were checked and passed, with the 合格率. */
    public static Summary summary(List<Account> accounts) {
        return Summary.of(accounts.size(), (int) accounts.stream().filter(Account::passed).count());
    }

    public static List<Account> of(Report report) {
        List<Account> accounts = new ArrayList<>();
        for (SiteReport site : report.sites()) {
            Map<String, Finding> byId = new LinkedHashMap<>();
            site.findings().forEach(f -> byId.put(f.id(), f));
            for (AccountVerdict a : site.accounts()) {
                List<Finding> findings = a.findings().stream().map(byId::get).filter(Objects::nonNull).toList();
                accounts.add(new Account(site.name(), a.name(), a.platform(), a.url(), a.verdict(), findings));
            }
        }
        return accounts;
    }
}

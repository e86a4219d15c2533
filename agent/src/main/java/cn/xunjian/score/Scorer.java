package cn.xunjian.score;

import cn.xunjian.model.Account;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns findings into a verdict: any veto finding fails the site and nothing else is scored; otherwise the
 * deductions, capped per indicator, are taken from 100 and a score below the pass mark fails. The same problem
 * at the same place (indicator, kind, URL and message) is deducted once however many times it was found.
 * Findings about new-media accounts do not count toward the website's verdict: accounts are judged on their own
 * ({@link #judgeAccounts}).
 */
public final class Scorer {
    private final IndicatorCatalogue catalogue;

    public Scorer(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Judgement judge(List<Finding> findings) {
        findings = findings.stream().filter(f -> !catalogue.aboutNewMedia(f.indicator())).toList();
        if (findings.stream().anyMatch(f -> f.severity() == Severity.VETO)) {
            return new Judgement(Verdict.FAILED, null);
        }
        Map<String, BigDecimal> byIndicator = new HashMap<>();
        Set<List<String>> counted = new HashSet<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.DEDUCT || !catalogue.knows(f.indicator())) {
                continue;
            }
            if (!counted.add(List.of(f.indicator(), f.kind(), f.url(), f.message()))) {
                continue; // the same problem at the same place (a column, a link) is deducted once
            }
            Indicator ind = catalogue.indicator(f.indicator());
            byIndicator.merge(ind.id(), BigDecimal.valueOf(ind.pointsFor(f.kind())), BigDecimal::add);
        }
        BigDecimal score = BigDecimal.valueOf(100);
        for (var e : byIndicator.entrySet()) {
            BigDecimal cap = BigDecimal.valueOf(catalogue.indicator(e.getKey()).cap());
            score = score.subtract(e.getValue().min(cap));
        }
        score = score.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        double value = score.doubleValue();
        return new Judgement(Verdict.of(value >= catalogue.passScore()), value);
    }

    /**
     * Judges each new-media account, mini program and web view of a site on its own: 不合格 when a new-media veto
     * finding is about it (its URL). The accounts come in the order the checks found them; a new-media finding
     * about a URL no check named as an account still gets an account of its own, named by its URL.
     *
     * @param findings the site's findings, with ids
     */
    public List<AccountVerdict> judgeAccounts(List<Account> accounts, List<Finding> findings) {
        Map<String, Account> byUrl = new LinkedHashMap<>();
        accounts.forEach(a -> byUrl.putIfAbsent(a.url(), a));
        Map<String, List<Finding>> about = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (catalogue.aboutNewMedia(f.indicator()) && !f.url().isEmpty()) {
                about.computeIfAbsent(f.url(), u -> new ArrayList<>()).add(f);
                byUrl.putIfAbsent(f.url(), new Account(f.url(), null, f.url()));
            }
        }
        List<AccountVerdict> verdicts = new ArrayList<>();
        for (Account a : byUrl.values()) {
            List<Finding> its = about.getOrDefault(a.url(), List.of());
            boolean veto = its.stream().anyMatch(f -> f.severity() == Severity.VETO);
            verdicts.add(new AccountVerdict(a.name(), a.platform(), a.url(), Verdict.of(!veto),
                    its.stream().map(Finding::id).toList()));
        }
        return verdicts;
    }
}

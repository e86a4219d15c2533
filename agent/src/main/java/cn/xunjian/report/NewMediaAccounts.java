package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.score.IndicatorCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new-media accounts, mini programs and web views of a batch, each judged on its own as the indicators
 * require (合格 unless a new-media veto item hit it): grouped from the findings of new-media indicators by the
 * account's URL, named by the quoted name every such finding starts with.
 */
public final class NewMediaAccounts {
    private static final Pattern QUOTED_NAME = Pattern.compile("^“([^”]{1,40})”");

    /** One account and what was found about it. */
    public record Account(String site, String name, String url, List<Finding> findings) {
        public boolean passed() {
            return findings.stream().noneMatch(f -> f.severity() == Severity.VETO);
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

    public static List<Account> of(Report report, IndicatorCatalogue catalogue) {
        List<Account> accounts = new ArrayList<>();
        for (SiteReport site : report.sites()) {
            Map<String, List<Finding>> byUrl = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Finding f : site.findings()) {
                if (!catalogue.aboutNewMedia(f.indicator()) || f.url().isEmpty()) {
                    continue;
                }
                byUrl.computeIfAbsent(f.url(), u -> new ArrayList<>()).add(f);
                Matcher m = QUOTED_NAME.matcher(f.message());
                if (m.find()) {
                    names.putIfAbsent(f.url(), m.group(1));
                }
            }
            byUrl.forEach((url, findings) -> accounts.add(
                    new Account(site.name(), names.getOrDefault(url, url), url, List.copyOf(findings))));
        }
        return accounts;
    }
}

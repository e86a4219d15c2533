package cn.xunjian.newmedia;

import cn.xunjian.model.Finding;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFile.NewMediaAccount;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a circular's annex of failing new-media accounts (检查发现不合格政务新媒体列表), as in the seeds:
 * 账号类型, 账号名称, 开设主体, 存在问题.
 *
 * @param siteName the audited site (开设主体 as far as the agent knows it)
 * @param accountName the account's name
 * @param platform the platform's Chinese name (微信公众号, 新浪微博…)
 * @param lastPost the newest post's date; null when the list could not be read
 * @param daysSilent days from the newest post to the check date; null when unknown
 * @param category 超过两周未更新, 长期未更新, 更新不及时, 正常更新 or 无法读取
 */
record NewMediaRow(String siteName, String accountName, String platform, LocalDate lastPost,
                          Integer daysSilent, String category) {
    /** The words in a finding's message before the date of the newest post. */
    static final String LAST_POST_LABEL = "最近一次发布于";
    private static final Pattern LAST_POST = Pattern.compile(LAST_POST_LABEL + "\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DAYS = Pattern.compile("已\\s*(\\d+)\\s*天");
    private static final Set<String> ANNEX_KINDS = Set.of("newmedia.stale-2w", "newmedia.long-stale");

    /** The row for one assessment on {@code today}. */
    public static NewMediaRow of(String siteName, AccountAssessment a, NewMediaRules rules, LocalDate today) {
        Optional<LocalDate> last = a.lastPost();
        return new NewMediaRow(siteName, a.account().name(), rules.platformName(a.account().platform()),
                last.orElse(null), last.map(d -> (int) ChronoUnit.DAYS.between(d, today)).orElse(null),
                rules.category(a.status().key()));
    }

    /**
     * The annex rows of one audited site: one per {@code newmedia.stale-2w} or {@code newmedia.long-stale}
     * finding (the M-V2 vetoes), in finding order. The account is matched by the finding's URL against the site
     * file's {@code newMedia} list; date and days are read from the finding's message.
     */
    public static List<NewMediaRow> fromFindings(SiteFile site, List<Finding> findings, NewMediaRules rules) {
        List<NewMediaRow> rows = new ArrayList<>();
        for (Finding f : findings) {
            if (!ANNEX_KINDS.contains(f.kind())) {
                continue;
            }
            NewMediaAccount account = site.newMedia().stream().filter(a -> f.url().equals(a.url())).findFirst()
                    .orElse(new NewMediaAccount(f.url(), null, f.url()));
            Matcher date = LAST_POST.matcher(f.message());
            Matcher days = DAYS.matcher(f.message());
            String category = rules.category(f.kind().equals("newmedia.long-stale") ? "longStale" : "stale2w");
            rows.add(new NewMediaRow(site.name(), account.name(), rules.platformName(account.platform()),
                    date.find() ? LocalDate.parse(date.group(1)) : null,
                    days.find() ? Integer.valueOf(days.group(1)) : null, category));
        }
        return rows;
    }
}

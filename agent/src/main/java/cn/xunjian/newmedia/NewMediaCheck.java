package cn.xunjian.newmedia;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.Facts;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.model.Account;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFile.NewMediaAccount;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M-V2: is each new-media account of the site file still publishing? Reads every {@code newMedia} account's
 * public post list (an HTML page of dated items, or an RSS/Atom feed) and measures the days since the newest post,
 * on the check date in Asia/Shanghai:
 *
 * <ul>
 *   <li>more than {@code longStaleDays} → M-V2 veto {@code newmedia.long-stale} (长期未更新);</li>
 *   <li>more than {@code staleDays} (14) → M-V2 veto {@code newmedia.stale-2w} (超过两周未更新);</li>
 *   <li>more than {@code slowDays} → M-D2 warning {@code newmedia.slow} (a local weekly rule);</li>
 *   <li>otherwise info {@code newmedia.fresh}; a list that cannot be read → warning {@code newmedia.unreadable}.</li>
 * </ul>
 *
 * <p>Every finding carries the list as fetched and the dated posts read from it. {@link NewMediaRow} turns the
 * findings (or {@link #assess} results) into the rows of a circular's annex.
 */
public final class NewMediaCheck implements SiteCheck {
    public static final String INDICATOR = "M-V2";
    public static final String SLOW_INDICATOR = "M-D2";
    private static final Logger LOG = LoggerFactory.getLogger(NewMediaCheck.class);

    private final NewMediaRules rules;
    private final PostListReaders readers;
    private final PostFetcher fetcher;

    /** The standard rules; lists are fetched over HTTP within the audit's network scope. */
    public NewMediaCheck() {
        this(NewMediaRules.standard(), null);
    }

    /**
     * @param fetcher how lists are fetched; null for plain HTTP within the audit's network scope
     */
    public NewMediaCheck(NewMediaRules rules, PostFetcher fetcher) {
        this.rules = rules;
        this.readers = new PostListReaders(rules);
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "newmedia";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(SiteContext context) {
        PostFetcher f = fetcher != null ? fetcher : new HttpPostFetcher(context.http(), rules.timeout());
        for (NewMediaAccount account : context.site().newMedia()) {
            context.facts().add(Facts.ACCOUNTS, new Account(account.name(), account.platform(), account.url()));
        }
        return check(context.site(), context.clock(), context.evidence(), f);
    }

    /** The findings for every account of {@code site}, with evidence written to {@code evidence}. */
    public List<Finding> check(SiteFile site, Clock clock, SiteEvidence evidence, PostFetcher fetcher) {
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        List<Finding> findings = new ArrayList<>();
        int n = 0;
        for (NewMediaAccount account : site.newMedia()) {
            n++;
            Fetch fetch = fetch(account, fetcher, today);
            AccountAssessment a = classify(account, fetch.posts(), today);
            List<Evidence> ev = evidence(evidence, n, account, fetch, a);
            findings.add(finding(a, today, ev));
            LOG.debug("new media {} ({}): {}", account.name(), account.platform(), a.status());
        }
        return findings;
    }

    /** The standing of each account of {@code site} on the check date, without findings or evidence. */
    public List<AccountAssessment> assess(SiteFile site, Clock clock, PostFetcher fetcher) {
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        return site.newMedia().stream().map(a -> classify(a, fetch(a, fetcher, today).posts(), today)).toList();
    }

    public NewMediaRules rules() {
        return rules;
    }

    private record Fetch(PostFetcher.Fetched raw, PostList posts) {
    }

    private Fetch fetch(NewMediaAccount account, PostFetcher fetcher, LocalDate today) {
        if (account.url() == null || account.url().isBlank()) {
            return new Fetch(null, new PostList.Unreadable("站点文件未给出该账号的发布列表地址"));
        }
        PostFetcher.Fetched raw = fetcher.fetch(account.url());
        if (raw instanceof PostFetcher.Failed failed) {
            return new Fetch(raw, new PostList.Unreadable(failed.reason()));
        }
        PostFetcher.Body body = (PostFetcher.Body) raw;
        if (body.status() >= 400) {
            return new Fetch(raw, new PostList.Unreadable("发布列表返回 HTTP " + body.status()));
        }
        PostListReader reader = readers.forAccount(account.platform(), body.text());
        return new Fetch(raw, reader.read(body.text(), body.finalUrl(), today));
    }

    AccountAssessment classify(NewMediaAccount account, PostList posts, LocalDate today) {
        if (!(posts instanceof PostList.Read read)) {
            return new AccountAssessment(account, AccountAssessment.Status.UNREADABLE, posts);
        }
        long days = ChronoUnit.DAYS.between(read.newest().date(), today);
        AccountAssessment.Status status;
        if (days > rules.longStaleDays()) {
            status = AccountAssessment.Status.LONG_STALE;
        } else if (days > rules.staleDays()) {
            status = AccountAssessment.Status.STALE_2W;
        } else if (days > rules.slowDays()) {
            status = AccountAssessment.Status.SLOW;
        } else {
            status = AccountAssessment.Status.FRESH;
        }
        return new AccountAssessment(account, status, posts);
    }

    private Finding finding(AccountAssessment a, LocalDate today, List<Evidence> evidence) {
        NewMediaAccount acc = a.account();
        String who = "“" + acc.name() + "”（" + rules.platformName(acc.platform()) + "）";
        String label = rules.category(a.status().key());
        if (a.posts() instanceof PostList.Unreadable u) {
            return new Finding(INDICATOR, "newmedia.unreadable", Severity.WARN, acc.url(),
                    who + "的发布列表无法读取，未能判断是否更新：" + u.reason(), evidence);
        }
        LocalDate last = a.lastPost().orElseThrow();
        long days = ChronoUnit.DAYS.between(last, today);
        String facts = NewMediaRow.LAST_POST_LABEL + " " + last + "，距检查日已 " + days + " 天";
        return switch (a.status()) {
            case LONG_STALE -> new Finding(INDICATOR, "newmedia.long-stale", Severity.VETO, acc.url(),
                    who + label + "：" + facts + "（超过 " + rules.longStaleDays() + " 天）", evidence)
                    .with("account", acc.name()).with("lastPost", last).with("days", days);
            case STALE_2W -> new Finding(INDICATOR, "newmedia.stale-2w", Severity.VETO, acc.url(),
                    who + label + "：" + facts + "（监测时间点前 " + rules.staleDays() + " 天内无更新）", evidence)
                    .with("account", acc.name()).with("lastPost", last).with("days", days);
            case SLOW -> new Finding(SLOW_INDICATOR, "newmedia.slow", Severity.WARN, acc.url(),
                    who + label + "：" + facts + "（超过 " + rules.slowDays() + " 天，尚在两周内）", evidence);
            case FRESH, UNREADABLE -> new Finding(INDICATOR, "newmedia.fresh", Severity.INFO, acc.url(),
                    who + label + "：" + facts, evidence);
        };
    }

    private List<Evidence> evidence(SiteEvidence store, int n, NewMediaAccount account, Fetch fetch,
                                    AccountAssessment a) {
        if (store == null) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        String base = String.format(Locale.ROOT, "newmedia-%02d", n);
        try {
            if (fetch.raw() instanceof PostFetcher.Body body) {
                out.add(FeedReader.looksLikeFeed(body.text())
                        ? store.text("http", base + "-feed", body.text(), body.finalUrl())
                        : store.html(base + "-list", body.text(), body.finalUrl()));
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("account", account.name());
            record.put("platform", account.platform());
            record.put("url", account.url());
            record.put("status", a.status().key());
            record.put("lastPost", a.lastPost().map(LocalDate::toString).orElse(null));
            if (a.posts() instanceof PostList.Read read) {
                record.put("posts", read.posts().stream().map(p -> Map.of("date", p.date().toString(),
                        "title", p.title(), "url", p.url())).toList());
            } else if (a.posts() instanceof PostList.Unreadable u) {
                record.put("reason", u.reason());
            }
            out.add(store.json("http", base + "-posts", record, account.url()));
        } catch (RuntimeException e) {
            LOG.warn("cannot keep new-media evidence for {}: {}", account.name(), e.toString());
        }
        return out;
    }
}

package cn.xunjian.console;

import cn.xunjian.console.account.AddressThrottle;
import cn.xunjian.console.account.AuditLog;
import cn.xunjian.console.account.SecurityRules;
import cn.xunjian.console.account.Sessions;
import cn.xunjian.console.account.Users;
import cn.xunjian.console.review.Attachments;
import cn.xunjian.console.review.ReviewStore;
import cn.xunjian.console.review.UploadRules;
import cn.xunjian.schedule.Schedule;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.schedule.SiteRegistry;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.store.jdbc.JdbcFindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the console's routes work with; built once per process over the shared database.
 *
 * @param registry the site files and the sites stored in the database (read again on every use)
 * @param jobs     installs the jobs of a site saved in the console
 */
public record ConsoleServices(Schedule schedule, SiteRegistry registry, SiteJobs jobs, JdbcResultStore results,
                              JdbcFindingReviews findingReviews, Users users, Sessions sessions,
                              AddressThrottle throttle, AuditLog log, ReviewStore reviews, Attachments attachments,
                              IndicatorCatalogue catalogue, SecurityRules security, AuditTrigger audits, Clock clock) {
    public static ConsoleServices create(Schedule schedule, List<ScheduledSite> sites, DataSource ds,
                                         IndicatorCatalogue catalogue, AuditTrigger audits, Clock clock) {
        return create(schedule, sites, ds, catalogue, audits, clock, SecurityRules.standard());
    }

    public static ConsoleServices create(Schedule schedule, List<ScheduledSite> sites, DataSource ds,
                                         IndicatorCatalogue catalogue, AuditTrigger audits, Clock clock,
                                         SecurityRules security) {
        return create(schedule, new SiteRegistry(sites, new JdbcSiteStore(ds)), site -> {
        }, ds, catalogue, audits, clock, security);
    }

    public static ConsoleServices create(Schedule schedule, SiteRegistry registry, SiteJobs jobs, DataSource ds,
                                         IndicatorCatalogue catalogue, AuditTrigger audits, Clock clock,
                                         SecurityRules security) {
        Users users = new Users(ds, security, clock);
        return new ConsoleServices(schedule, registry, jobs, new JdbcResultStore(ds), new JdbcFindingReviews(ds), users,
                new Sessions(ds, users, security, clock), new AddressThrottle(security, clock), new AuditLog(ds, clock),
                new ReviewStore(ds, clock), new Attachments(ds, UploadRules.standard(), schedule.outputDir(), clock),
                catalogue, security, audits, clock);
    }

    /** The sites as the console addresses them (by 网站标识码, else by job key), read from the registry now. */
    public Map<String, ConsoleSite> sites() {
        Map<String, ConsoleSite> byRef = new LinkedHashMap<>();
        for (ScheduledSite s : registry.all()) {
            ConsoleSite c = ConsoleSite.of(s);
            byRef.put(c.ref(), c);
        }
        return byRef;
    }
}

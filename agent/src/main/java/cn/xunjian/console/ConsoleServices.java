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
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.store.jdbc.JdbcFindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What the console's routes work with; built once per process over the shared database. */
public record ConsoleServices(Schedule schedule, Map<String, ConsoleSite> sites, JdbcResultStore results,
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
        Users users = new Users(ds, security, clock);
        Map<String, ConsoleSite> byRef = new LinkedHashMap<>();
        for (ScheduledSite s : sites) {
            ConsoleSite c = ConsoleSite.of(s);
            byRef.put(c.ref(), c);
        }
        return new ConsoleServices(schedule, byRef, new JdbcResultStore(ds), new JdbcFindingReviews(ds), users,
                new Sessions(ds, users, security, clock), new AddressThrottle(security, clock), new AuditLog(ds, clock),
                new ReviewStore(ds, clock), new Attachments(ds, UploadRules.standard(), schedule.outputDir(), clock),
                catalogue, security, audits, clock);
    }
}

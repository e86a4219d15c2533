package cn.xunjian.schedule;

import cn.xunjian.alert.AlertEvent;
import cn.xunjian.audit.AuditSettings;
import cn.xunjian.check.AvailabilityProbe;
import cn.xunjian.net.HttpEventListener;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcFindingReviews;
import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import cn.xunjian.store.jdbc.JdbcSubmittedMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds the services of a schedule (its site files and the console's sites) on the store's database, with the alerts primed from the last day's probes. */
final class ServeServicesFactory {
    private ServeServicesFactory() {
    }

    static ServeServices create(Schedule schedule, List<ScheduledSite> sites, Database db, Clock clock, String node) {
        NetworkScope scope = schedule.loopbackOnly() ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY;
        AuditSettings settings = AuditSettings.standard(scope)
                .withAvailabilityTimeout((int) schedule.probes().timeout().toSeconds()).withProxies(schedule.proxies())
                .withEvidence(schedule.evidence());
        SiteRegistry registry = new SiteRegistry(sites, new JdbcSiteStore(db.dataSource()));
        HttpStack http = HttpStack.builder(scope).timeout(schedule.probes().timeout()).proxies(schedule.proxies())
                .listener(HttpEventListener.debugLog()).build();
        ServeServices services = new ServeServices(schedule, registry, new JdbcResultStore(db.dataSource()),
                new JdbcSubmittedMessageStore(db.dataSource()),
                new AvailabilityProbe(http, schedule.probes().timeout(), clock), settings, scope, clock, node,
                DaemonAlerts.of(schedule, clock), http, new JdbcFindingReviews(db.dataSource()));
        Instant since = clock.instant().minus(Duration.ofDays(1));
        for (ScheduledSite s : registry.all()) {
            services.alerts().prime(new AlertEvent.Site(s.site().name(), s.site().url()),
                    services.results().probes(s.site().url(), since, clock.instant()));
        }
        return services;
    }
}

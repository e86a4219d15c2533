package cn.xunjian.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.console.review.FindingRef;
import cn.xunjian.console.review.RecheckRequest;
import cn.xunjian.console.review.RecheckResult;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcResultStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** serve's re-checks through the engine: what it cannot re-check is undetermined, never gone (RecheckIT runs it). */
class EngineRechecksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC);
    private static final String SITE = "http://127.0.0.1:9/";
    private Database db;
    private EngineRechecks rechecks;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:engine-rechecks", "sa", "", 2);
        new cn.xunjian.store.jdbc.Migrations(db.dataSource(), db.dialect()).migrate();
        rechecks = new EngineRechecks(Map.of(SITE, SiteFile.of("临江县人民政府", SITE)),
                new JdbcResultStore(db.dataSource()), AuditSettings.standard(NetworkScope.LOOPBACK_ONLY), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static RecheckRequest request(String siteUrl) {
        return new RecheckRequest(1, new FindingRef("0123456789abcdef", siteUrl, null, "darklink.hidden", siteUrl),
                "operator", CLOCK.instant());
    }

    @Test
    void aSiteNoLongerInTheScheduleIsUndetermined() throws Exception {
        RecheckResult r = rechecks.recheck(request("http://127.0.0.1:10/"));
        assertThat(r.outcome()).isEqualTo(RecheckResult.Outcome.UNDETERMINED);
        assertThat(r.detail()).contains("已没有网站");
    }

    @Test
    void aSiteWithoutACompletedRunIsUndetermined() throws Exception {
        RecheckResult r = rechecks.recheck(request(SITE));
        assertThat(r.outcome()).isEqualTo(RecheckResult.Outcome.UNDETERMINED);
        assertThat(r.detail()).contains("还没有完成的巡检");
    }
}

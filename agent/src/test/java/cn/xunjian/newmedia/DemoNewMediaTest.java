package cn.xunjian.newmedia;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.Finding;
import cn.xunjian.demo.DemoPortal;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFile.NewMediaAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's new-media pages, dated relative to the day they are served, read by the new-media check. */
class DemoNewMediaTest {
    @Test
    void theDemoHasOneFreshAccountOneFreshFeedAndOneAccountSilentForFortyDaysWhateverTheDate() throws Exception {
        // early January: the silent account's year-less dates fall in the previous year
        for (String day : List.of("2026-11-23T02:00:00Z", "2027-01-10T02:00:00Z")) {
            Clock clock = Clock.fixed(Instant.parse(day), ZoneOffset.UTC);
            try (DemoPortal demo = DemoPortal.start(clock)) {
                SiteFile site = new SiteFile(DemoPortal.PORTAL_NAME, null, demo.portalUrl(), null, null, null, List.of(
                        new NewMediaAccount("临江发布", "wechat", demo.origin() + "/newmedia/ljfb.html"),
                        new NewMediaAccount("临江文旅", "weibo", demo.origin() + "/newmedia/ljwl.html"),
                        new NewMediaAccount("临江政务服务", "toutiao", demo.origin() + "/newmedia/ljzw.xml")), null);
                NewMediaCheck check = new NewMediaCheck();

                List<Finding> findings = check.check(site, clock, null,
                        new HttpPostFetcher(NetworkScope.LOOPBACK_ONLY, Duration.ofSeconds(5)));

                assertThat(findings).extracting(Finding::kind)
                        .containsExactly("newmedia.fresh", "newmedia.stale-2w", "newmedia.fresh");
                LocalDate today = LocalDate.ofInstant(clock.instant(), cn.xunjian.internal.ShanghaiTime.ZONE);
                assertThat(findings.get(1).message()).contains(today.minusDays(40).toString(), "已 40 天");
                assertThat(NewMediaRow.fromFindings(site, findings, check.rules())).containsExactly(new NewMediaRow(
                        DemoPortal.PORTAL_NAME, "临江文旅", "新浪微博", today.minusDays(40), 40, "超过两周未更新"));
            }
        }
    }
}

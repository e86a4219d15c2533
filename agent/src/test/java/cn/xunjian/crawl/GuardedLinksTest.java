package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.testing.ChallengeSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links of a host whose challenge is not passed (here: no browser at all) are guarded, never broken. */
class GuardedLinksTest {
    @Test
    void theLinksOfAChallengedHostWithoutABrowserAreGuardedNotBroken() throws Exception {
        try (ChallengeSite site = ChallengeSite.unsolvable();
             LinkChecker checker = new LinkChecker(Duration.ofSeconds(5), NetworkScope.LOOPBACK_ONLY, 4, 4)) {
            Map<String, LinkStatus> found = checker.check(List.of(site.url("/a.html"), site.url("/missing.html")));

            assertThat(found.values()).allSatisfy(s -> {
                assertThat(s.broken()).isFalse();
                assertThat(s.unverified()).isEqualTo(Unverified.GUARDED);
                assertThat(s.describe()).startsWith("受访问防护，未能核实").contains("加速乐");
            });
        }
    }
}

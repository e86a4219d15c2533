package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.browser.ChromiumChallengeSolver;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.Purpose;
import cn.xunjian.testing.ChallengeSite;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Crawls of sites behind a JavaScript cookie challenge, passed in the real Chromium: the solvable one
 * ({@link ChallengeSite#solvable()}, 瑞数-style) is crawled as if it had none; the unsolvable one (加速乐-style,
 * never accepting a clearance) is said to be guarded, once, and nothing of it is called broken.
 */
class ChallengeIT {
    private static HttpStack stack() {
        return HttpStack.builder(NetworkScope.LOOPBACK_ONLY).timeout(Duration.ofSeconds(10))
                .challenges(new ChromiumChallengeSolver(NetworkScope.LOOPBACK_ONLY, Clock.systemUTC())).build();
    }

    private static final class Links implements CrawlListener {
        final Queue<CheckedLink> seen = new ConcurrentLinkedQueue<>();

        @Override
        public boolean threadConfined() {
            return false;
        }

        @Override
        public void link(CheckedLink link) {
            seen.add(link);
        }
    }

    @Test
    void aCrawlOfAChallengedSiteFindsItsPagesAndItsRealBrokenLinkAndNothingElse() throws Exception {
        try (ChallengeSite site = ChallengeSite.solvable(); HttpStack http = stack();
             SiteCrawler crawler = new SiteCrawler(CrawlLimits.defaults(), http)) {
            Links links = new Links();
            CrawlResult result = crawler.crawl(site.url("/"), links);

            assertThat(site.challenges()).as("the site did challenge the crawl").isPositive();
            assertThat(result.pages()).isEqualTo(3);
            assertThat(result.broken()).extracting(CheckedLink::url).containsExactly(site.url("/missing.html"));
            assertThat(result.broken().get(0).status().status()).isEqualTo(404);
            assertThat(links.seen).allSatisfy(l -> assertThat(l.status().unverified()).isNull());
            assertThat(http.challengeSolves("127.0.0.1")).isEqualTo(1);

            site.expire();
            HttpOutcome again = http.send(HttpRequest.get(site.url("/b.html"), Purpose.PAGE));

            assertThat(again).isInstanceOfSatisfying(HttpResponse.class, r -> assertThat(r.status()).isEqualTo(200));
            assertThat(http.challengeSolves("127.0.0.1")).as("solved again once the cookies expired").isEqualTo(2);
        }
    }

    @Test
    void aSiteWhoseChallengeCannotBePassedGetsOneGuardedLineAndNoBrokenLinks() throws Exception {
        try (ChallengeSite site = ChallengeSite.unsolvable(); HttpStack http = stack();
             SiteCrawler crawler = new SiteCrawler(CrawlLimits.defaults(), http);
             LinkChecker checker = new LinkChecker(http, Duration.ofSeconds(10), 4)) {
            Links links = new Links();
            CrawlResult result = crawler.crawl(site.url("/"), links);
            Map<String, LinkStatus> home = checker.check(List.of(site.url("/a.html"), site.url("/logo.png")));

            assertThat(result.broken()).isEmpty();
            assertThat(links.seen).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.status().unverified()).isEqualTo(Unverified.GUARDED));
            assertThat(home.values()).allSatisfy(s -> {
                assertThat(s.broken()).isFalse();
                assertThat(s.unverified()).isEqualTo(Unverified.GUARDED);
            });
            UnverifiedLinks unverified = new UnverifiedLinks();
            links.seen.forEach(l -> unverified.add(l.status()));
            home.values().forEach(unverified::add);
            assertThat(unverified.lines("首页").get(Unverified.GUARDED)).singleElement().asString()
                    .contains("受访问防护，未能核实").contains("127.0.0.1");
            assertThat(http.challengeSolves("127.0.0.1")).as("one browser attempt for the host").isEqualTo(1);
        }
    }
}

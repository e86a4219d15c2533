package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detector on real challenge markup ({@code src/test/resources/challenges/SOURCES.md}). */
class ChallengeMarkersTest {
    private final ChallengeMarkers markers = ChallengeMarkers.standard();

    private static byte[] markup(String name) throws Exception {
        try (var in = ChallengeMarkersTest.class.getResourceAsStream("/challenges/" + name)) {
            return in.readAllBytes();
        }
    }

    private Optional<String> vendor(int status, List<String> cookies, byte[] body) {
        return markers.detect(status, cookies, body, false).map(Challenge::vendor);
    }

    @Test
    void aRuishuAnswerIsRecognisedByItsScriptAndOnAHeadByItsCookieEndingInS() throws Exception {
        assertThat(vendor(412, List.of("NfBCSins2OywS=60bQ3j; Path=/; HttpOnly"), markup("ruishu-412.html")))
                .contains("瑞数");
        assertThat(vendor(202, null, markup("ruishu-412.html"))).contains("瑞数");
        assertThat(vendor(412, List.of("FSSBBIl1UgzbN7N80S=abc; Path=/; expires=Sat, 01 Jan 2050 00:00:00 GMT"), null))
                .contains("瑞数");
    }

    @Test
    void aJiasuleAnswerIsRecognisedByItsClearanceScriptOrItsJsluidCookie() throws Exception {
        assertThat(vendor(521, null, markup("jiasule-521.html"))).contains("加速乐");
        assertThat(vendor(521, List.of("__jsluid_h=7f08cc72bf598a0cdce78d533ba01642; max-age=31536000; path=/"),
                null)).contains("加速乐");
    }

    @Test
    void aCloudflarePageIsRecognisedByItsBodyNotByItsCookie() throws Exception {
        assertThat(vendor(503, null, markup("cloudflare-503.html"))).contains("Cloudflare");
        assertThat(vendor(403, List.of("__cf_bm=gI_Gwk_P8ZL5vo; path=/; HttpOnly"),
                "<html><body>403 Forbidden</body></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aSmallPageThatSetsACookieAndReloadsIsAChallengeOfUnknownMake() {
        byte[] page = "<html><script>document.cookie='wzws_cid=9f3a;path=/';window.location.reload();</script></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(vendor(403, null, page)).contains(Challenge.GENERIC);
        assertThat(markers.detect(403, null, page, true)).as("a page cut off is no small page").isEmpty();
    }

    @Test
    void theSamePagesLetThroughWithOtherStatusesAreNoChallenges() throws Exception {
        assertThat(vendor(200, null, markup("ruishu-passed-200.html"))).isEmpty();
        assertThat(vendor(200, List.of("NfBCSins2OywS=60bQ3j"), markup("ruishu-412.html"))).isEmpty();
        assertThat(vendor(404, null, markup("jiasule-521.html"))).isEmpty();
        assertThat(vendor(503, null, "<html><body>Service Unavailable</body></html>"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(vendor(412, List.of("JSESSIONID=abc; Path=/"), null)).isEmpty();
    }

    @Test
    void onlyTheChallengeStatusesAreLookedAtAndASolveIsBounded() {
        assertThat(markers.mayBe(412)).isTrue();
        assertThat(markers.mayBe(200)).isFalse();
        assertThat(markers.solveTimeout()).isPositive();
    }
}

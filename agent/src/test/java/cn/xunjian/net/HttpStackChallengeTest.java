package cn.xunjian.net;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.ChallengeSite;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack against a challenged fixture site, with a solver that does what the challenge's script does in a
 * browser (reads the seed cookie, computes the token with the page's arithmetic): no Chromium needed here, the
 * real browser's solve is {@code ChallengeIT}'s.
 */
class HttpStackChallengeTest {
    private final ChallengeSite site = ChallengeSite.solvable();
    private final AtomicInteger solves = new AtomicInteger();

    /** Plays the browser: gets the challenge, reads its seed and sets the token the script would set. */
    private final ChallengeSolver scripted = (url, userAgent, timeout) -> {
        solves.incrementAndGet();
        HttpClient client = HttpClient.newHttpClient();
        try {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(url).header("User-Agent", userAgent)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : answer.headers().allValues("Set-Cookie")) {
                HttpCookie seed = HttpCookie.parse(header).get(0);
                if (seed.getName().equals(ChallengeSite.SEED)) {
                    HttpCookie token = new HttpCookie(ChallengeSite.TOKEN,
                            ChallengeSite.token(seed.getValue(), userAgent));
                    token.setPath("/");
                    return Optional.of(new ChallengeSolver.Solution(List.of(seed, token), userAgent));
                }
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    };

    @AfterEach
    void close() {
        site.close();
    }

    private static String text(HttpOutcome o) {
        return o instanceof HttpResponse r && r.body() != null ? new String(r.body(), StandardCharsets.UTF_8) : "";
    }

    @Test
    void aChallengedPageIsFetchedAfterTheChallengeIsPassedOnceForTheHost() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(scripted).build()) {
            HttpOutcome first = http.send(HttpRequest.get(site.url("/"), Purpose.PAGE));
            HttpOutcome second = http.send(HttpRequest.get(site.url("/a.html"), Purpose.PAGE));
            HttpOutcome missing = http.send(new HttpRequest("HEAD", site.url("/missing.html"), Purpose.LINK,
                    List.of(), null, BodyPolicy.NONE, null, -1, null));

            assertThat(first).isInstanceOfSatisfying(HttpResponse.class, r -> assertThat(r.status()).isEqualTo(200));
            assertThat(text(first)).contains("临江市人民政府");
            assertThat(text(second)).contains("政务公开");
            assertThat(missing).isInstanceOfSatisfying(HttpResponse.class,
                    r -> assertThat(r.status()).isEqualTo(404));
            assertThat(solves.get()).isEqualTo(1);
            assertThat(http.challengeSolves("127.0.0.1")).isEqualTo(1);
        }
    }

    @Test
    void manyRequestsMeetingTheChallengeAtOnceStartOneSolve() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(scripted).build()) {
            List<Future<HttpOutcome>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String path = i % 2 == 0 ? "/a.html" : "/b.html";
                all.add(pool.submit(() -> http.send(HttpRequest.get(site.url(path), Purpose.PAGE))));
            }
            for (Future<HttpOutcome> f : all) {
                assertThat(f.get()).isInstanceOfSatisfying(HttpResponse.class,
                        r -> assertThat(r.status()).isEqualTo(200));
            }
            assertThat(solves.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheCookiesExpireTheChallengeIsSolvedAgain() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(scripted).build()) {
            http.send(HttpRequest.get(site.url("/a.html"), Purpose.PAGE));
            site.expire();
            HttpOutcome after = http.send(HttpRequest.get(site.url("/b.html"), Purpose.PAGE));

            assertThat(text(after)).contains("政务服务");
            assertThat(solves.get()).isEqualTo(2);
        }
    }

    @Test
    void withoutASolverAChallengeIsAGuardedFailureNotTheSitesAnswer() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).build()) {
            HttpOutcome o = http.send(HttpRequest.get(site.url("/"), Purpose.PAGE));

            assertThat(o).isInstanceOfSatisfying(HttpFailure.class, f -> {
                assertThat(f.problem()).isEqualTo(HttpFailure.Problem.GUARDED);
                assertThat(f.status()).isEqualTo(412);
                assertThat(f.message()).contains("受访问防护").contains("瑞数");
            });
        }
    }

    @Test
    void aHostWhoseChallengeCannotBePassedIsTriedOnceNotForEveryUrl() throws Exception {
        AtomicInteger tried = new AtomicInteger();
        ChallengeSolver failing = (url, agent, timeout) -> {
            tried.incrementAndGet();
            return Optional.empty();
        };
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(failing).build()) {
            for (String path : List.of("/", "/a.html", "/b.html")) {
                assertThat(http.send(HttpRequest.get(site.url(path), Purpose.PAGE)))
                        .isInstanceOfSatisfying(HttpFailure.class,
                                f -> assertThat(f.problem()).isEqualTo(HttpFailure.Problem.GUARDED));
            }
            assertThat(tried.get()).isEqualTo(1);
        }
    }

    @Test
    void anOrdinaryForbiddenAnswerIsTheSitesOwnAndKeepsOnlyTheBodyTheCallerAskedFor() throws Exception {
        try (cn.xunjian.testing.FixtureServer plain = new cn.xunjian.testing.FixtureServer();
             HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(scripted).build()) {
            plain.status("/secret", 403);
            HttpOutcome o = http.send(new HttpRequest("GET", plain.url("/secret"), Purpose.LINK, List.of(), null,
                    BodyPolicy.NONE, Duration.ofSeconds(5), -1, null));

            assertThat(o).isInstanceOfSatisfying(HttpResponse.class, r -> {
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.body()).isNull();
            });
            assertThat(solves.get()).isZero();
        }
    }

    @Test
    void aProbeTakesTheChallengeAsTheAnswerItIs() throws Exception {
        try (HttpStack http = HttpStack.builder(NetworkScope.LOOPBACK_ONLY).challenges(scripted).build()) {
            HttpOutcome o = http.send(HttpRequest.get(site.url("/"), Purpose.PROBE));

            assertThat(o).isInstanceOfSatisfying(HttpResponse.class, r -> assertThat(r.status()).isEqualTo(412));
            assertThat(solves.get()).isZero();
            assertThat(URI.create(site.url("/")).getHost()).isEqualTo("127.0.0.1");
        }
    }
}

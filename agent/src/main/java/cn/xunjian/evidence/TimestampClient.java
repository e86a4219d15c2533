package cn.xunjian.evidence;

import cn.xunjian.net.HttpFailure;
import cn.xunjian.net.HttpOutcome;
import cn.xunjian.net.HttpRequest;
import cn.xunjian.net.HttpResponse;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.OutOfScope;
import cn.xunjian.net.Purpose;
import cn.xunjian.net.RetryPolicy;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Asks a TSA for an RFC 3161 token over a SHA-256 digest, through the agent's {@link HttpStack} (so the run's scope
 * applies to the TSA too), a few times with back-off. Never throws for the TSA's trouble: the answer says what went
 * wrong, in Chinese, without the credentials.
 */
public final class TimestampClient {
    private static final SecureRandom NONCES = new SecureRandom();

    /** Three attempts, 1 s then 2 s apart: a TSA that is down for longer is recorded as such, the run goes on. */
    static final RetryPolicy RETRY = new RetryPolicy() {
        @Override
        public int maxAttempts() {
            return 3;
        }

        @Override
        public Duration backoff(int attempt) {
            return Duration.ofSeconds(attempt);
        }
    };

    private final HttpStack http;
    private final TsaConfig tsa;
    private final RetryPolicy.Pause pause;

    public TimestampClient(HttpStack http, TsaConfig tsa, RetryPolicy.Pause pause) {
        this.http = http;
        this.tsa = tsa;
        this.pause = pause;
    }

    /** The answer: the DER response of a granted token, or why there is none, and how many attempts it took. */
    public record Answer(byte[] response, String problem, int attempts) {
        public boolean granted() {
            return response != null;
        }
    }

    public Answer stamp(byte[] sha256) throws InterruptedException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(63, NONCES));
        byte[] query;
        try {
            query = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a timestamp request", e);
        }
        HttpRequest post = HttpRequest.post(tsa.url(), Purpose.TIMESTAMP, "application/timestamp-query", query);
        if (tsa.hasCredentials()) {
            String pair = tsa.user() + ":" + (tsa.password() == null ? "" : tsa.password());
            post = post.withHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        RetryPolicy.Tried tried = http.send(post, RETRY, pause);
        HttpOutcome outcome = tried.outcome();
        if (outcome instanceof OutOfScope) {
            return new Answer(null, "时间戳服务 " + tsa.url() + " " + OutOfScope.REASON, tried.attempts());
        }
        if (outcome instanceof HttpFailure f) {
            return new Answer(null, "时间戳服务 " + tsa.url() + " 无法访问：" + f.message(), tried.attempts());
        }
        HttpResponse r = (HttpResponse) outcome;
        if (r.status() != 200 || r.body() == null) {
            return new Answer(null, "时间戳服务 " + tsa.url() + " 返回 HTTP " + r.status(), tried.attempts());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(r.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                return new Answer(null, "时间戳服务 " + tsa.url() + " 拒绝签发：" + response.getStatusString(),
                        tried.attempts());
            }
            return new Answer(r.body(), null, tried.attempts());
        } catch (TSPException | IOException e) {
            return new Answer(null, "时间戳服务 " + tsa.url() + " 的应答无效：" + e.getMessage(), tried.attempts());
        }
    }
}

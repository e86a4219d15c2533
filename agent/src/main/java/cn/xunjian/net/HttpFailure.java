package cn.xunjian.net;

import java.util.List;

/**
 * An exchange that produced no usable answer.
 *
 * @param url     the URL of the hop that failed
 * @param status  the redirect's status for {@link Problem#REDIRECT_LOOP} and {@link Problem#TOO_MANY_REDIRECTS},
 *                the challenge's for {@link Problem#GUARDED}, else 0
 * @param message a Chinese description for reports ({@code 连接被拒绝}, {@code 响应超时（15秒）},
 *                {@code 重定向循环（a → b → a）}, …)
 * @param cause   the exception behind a transport or URL problem, else null
 */
public record HttpFailure(String url, int status, Problem problem, String message, Throwable cause,
                          List<String> redirects) implements HttpOutcome {

    /** What went wrong, for callers that word it their own way or decide on a retry. */
    public enum Problem {
        /** The URL (first or redirected to) cannot be requested: malformed, no host, not http(s). */
        BAD_URL,
        /** A redirect's {@code Location} is not a usable URL. */
        BAD_REDIRECT,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        CONNECT_TIMEOUT,
        /** No complete answer within the timeout. */
        TIMEOUT,
        DNS,
        /** The connection was refused. */
        REFUSED,
        /** No route to the host or its network from this machine: a fact about where the agent runs. */
        UNREACHABLE,
        /** Any other transport error: reset, not HTTP, closed early, TLS. */
        NETWORK,
        /**
         * The host answered with an anti-bot challenge ({@code status} is its status) that could not be passed:
         * neither a working nor a broken URL.
         */
        GUARDED;

        /** True for the problems of the network rather than of the URL, the redirects or a challenge. */
        public boolean transport() {
            return this != BAD_URL && this != BAD_REDIRECT && this != REDIRECT_LOOP && this != TOO_MANY_REDIRECTS
                    && this != GUARDED;
        }

        public boolean timeout() {
            return this == CONNECT_TIMEOUT || this == TIMEOUT;
        }
    }

    /** The cause's own message, or its class name; the Chinese message when there is no cause. */
    public String causeText() {
        if (cause == null) {
            return message;
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

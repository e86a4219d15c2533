package cn.xunjian.net;

import java.util.List;

/**
 * The final answer after redirects.
 *
 * @param url         the URL that answered
 * @param contentType its {@code Content-Type}, or null
 * @param location    its {@code Location}, or null (set on a 3xx the stack did not follow)
 * @param body        the bytes the body policy kept, or null when it kept none
 * @param truncated   true when the body was longer than the policy's cap and was cut off there
 */
public record HttpResponse(String url, int status, String contentType, String location, byte[] body,
                           boolean truncated, List<String> redirects) implements HttpOutcome {
}

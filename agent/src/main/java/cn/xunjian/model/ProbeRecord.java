package cn.xunjian.model;

/**
 * One visit of a home page, kept as evidence.
 *
 * @param method {@code http} (a plain GET) or {@code browser} (rendered in Chromium until its content is shown)
 * @param status HTTP status, 0 when no response
 * @param millis time until the response (http) or until the page's content was shown (browser)
 * @param ok the visit counts as a success for W-V2
 * @param reason why it failed, in Chinese; empty when ok
 * @param at capture time, ISO-8601 Asia/Shanghai
 */
public record ProbeRecord(String method, String url, int status, long millis, boolean ok, String reason, String at) {
}

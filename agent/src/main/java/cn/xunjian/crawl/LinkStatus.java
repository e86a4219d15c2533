package cn.xunjian.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What checking one link found.
 *
 * @param url the link as checked
 * @param status HTTP status of the final response, 0 when none arrived
 * @param error a Chinese description of a transport failure (DNS, refused, timeout), or null
 * @param method the request that decided it: HEAD or GET
 * @param millis time taken
 * @param skipped true when the link lies outside the allowed network scope and was not requested
 * @param unverified why the link could be judged neither working nor broken, or null when it could
 */
public record LinkStatus(String url, int status, String error, String method, long millis, boolean skipped,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Unverified unverified) {
    public LinkStatus(String url, int status, String error, String method, long millis, boolean skipped) {
        this(url, status, error, method, millis, skipped, null);
    }

    public boolean broken() {
        return !skipped && unverified == null && (error != null || status >= 400) && !guarded();
    }

    /** The same check, found unverifiable for {@code why}. */
    public LinkStatus unverifiable(Unverified why) {
        return new LinkStatus(url, status, error, method, millis, skipped, why);
    }

    /** True when the site's access protection turned the checker away ({@link AccessProtection}): not broken. */
    public boolean guarded() {
        return unverified == Unverified.GUARDED || !skipped && error == null && AccessProtection.blocks(status);
    }

    /** A short Chinese description, e.g. {@code HTTP 404} or {@code 连接被拒绝}. */
    public String describe() {
        if (skipped) {
            return "未检查（超出允许访问的网络范围）";
        }
        if (unverified != null) {
            return unverified.label() + (error != null ? "：" + error : status > 0 ? "：HTTP " + status : "");
        }
        if (guarded()) {
            return "受访问防护，未能核实（HTTP " + status + "）";
        }
        return error != null ? error : "HTTP " + status;
    }

    static LinkStatus skipped(String url) {
        return new LinkStatus(url, 0, null, "", 0, true);
    }
}

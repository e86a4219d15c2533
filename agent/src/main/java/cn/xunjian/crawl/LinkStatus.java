package cn.xunjian.crawl;

/**
 * What checking one link found.
 *
 * @param url the link as checked
 * @param status HTTP status of the final response, 0 when none arrived
 * @param error a Chinese description of a transport failure (DNS, refused, timeout), or null
 * @param method the request that decided it: HEAD or GET
 * @param millis time taken
 * @param skipped true when the link lies outside the allowed network scope and was not requested
 */
public record LinkStatus(String url, int status, String error, String method, long millis, boolean skipped) {
    public boolean broken() {
        return !skipped && (error != null || status >= 400) && !guarded();
    }

    /** True when the site's access protection turned the checker away ({@link AccessProtection}): not broken. */
    public boolean guarded() {
        return !skipped && error == null && AccessProtection.blocks(status);
    }

    /** A short Chinese description, e.g. {@code HTTP 404} or {@code 连接被拒绝}. */
    public String describe() {
        if (skipped) {
            return "未检查（超出允许访问的网络范围）";
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

package cn.xunjian.net;

import java.util.List;

/**
 * A hop outside the {@link NetworkScope}: the first URL or a redirect target. Nothing was sent to it.
 *
 * @param url    the refused URL
 * @param status the status of the redirect that pointed there, 0 when the first URL was refused
 */
public record OutOfScope(String url, int status, List<String> redirects) implements HttpOutcome {
    /** What callers tell the user. */
    public static final String REASON = "超出允许访问的网络范围";
}

package cn.xunjian.net;

import java.util.List;

/**
 * How one exchange ended, redirects included: a response, a hop the scope refused (nothing was sent to it), or a
 * failure (transport, URL or redirect trouble).
 */
public sealed interface HttpOutcome permits HttpResponse, OutOfScope, HttpFailure {
    /** The URL the exchange ended at: the final one, the refused one or the one that failed. */
    String url();

    /** The redirect targets followed (and refused) after the first URL, in order; empty without redirects. */
    List<String> redirects();
}

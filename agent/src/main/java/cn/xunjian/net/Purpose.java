package cn.xunjian.net;

/**
 * What a request is for. Each purpose has its user agent, {@code Accept} header, extra headers and redirect rule
 * in {@code http.json}; where today's callers sent different headers, their purposes differ.
 */
public enum Purpose {
    /** A page of the crawled site, fetched to be parsed. */
    PAGE,
    /** A link, image or attachment checked for reachability (HEAD, or a GET cut off after the headers). */
    LINK,
    /** An attachment (PDF, Word, Excel…) downloaded, up to a size cap, to read the text in it. */
    ATTACHMENT,
    /** The availability probe of a home page. */
    PROBE,
    /** A new-media account's post list. */
    FEED,
    /** A hijack (cloaking) visit: the caller sets the user agent and the referer of the profile it plays. */
    HIJACK,
    /** An alert delivered to a webhook or robot. */
    ALERT,
    /** An RFC 3161 timestamp request to a time-stamping authority (TSA). */
    TIMESTAMP
}

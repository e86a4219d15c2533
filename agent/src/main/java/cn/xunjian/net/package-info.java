/**
 * The one HTTP stack. {@link cn.xunjian.net.NetworkScope} says which hosts the agent may contact;
 * {@link cn.xunjian.net.HttpStack} is the client every crawl, link check, availability probe, new-media feed,
 * hijack visit and alert goes through, built once per audit (or daemon, or alert dispatcher) so that its policies
 * hold everywhere: the scope on every redirect hop, redirect loops and limits, per-host concurrency and delay,
 * user agents and {@code Accept} headers per {@link cn.xunjian.net.Purpose} from {@code http.json}, an optional
 * cookie jar, retries where asked, and an event listener. Requests and outcomes are values
 * ({@link cn.xunjian.net.HttpRequest}; {@link cn.xunjian.net.HttpOutcome}: a response, a hop out of scope, a
 * failure). Two transports sit underneath: a small keep-alive HTTP/1.1 client for plain http (the crawl's hot
 * path) and the JDK {@code HttpClient} for https and request bodies. Bodies come back as bytes: decoding them is
 * the callers' business (the crawl's charset detection).
 */
package cn.xunjian.net;

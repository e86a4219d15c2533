package cn.xunjian.darklink;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What is compared between two fetches of one URL (reference/darklinks-typos.md A.6).
 *
 * @param status HTTP status of the (last) response, 0 when none arrived
 * @param redirects the URLs redirected to, in order (HTTP 30x and meta refresh)
 * @param finalUrl where the visit ended
 * @param title the {@code <title>}, entities decoded
 * @param keywords meta keywords
 * @param description meta description
 * @param spamTerms gambling/porn/fake-certificate terms found in title, meta and text
 * @param externalHosts hosts of links and frames that leave the site
 */
record PageFeatures(int status, List<String> redirects, String finalUrl, String title, String keywords,
                           String description, Set<String> spamTerms, Set<String> externalHosts) {
    public PageFeatures {
        redirects = List.copyOf(redirects);
        spamTerms = Set.copyOf(spamTerms);
        externalHosts = Set.copyOf(externalHosts);
    }

    /** Extracts the features of {@code html}, served at {@code finalUrl} for a visit to {@code siteUrl}. */
    public static PageFeatures of(int status, List<String> redirects, String finalUrl, String html, String siteUrl,
                                  SpamKeywords spam) {
        Document doc = Jsoup.parse(html == null ? "" : html, finalUrl);
        String title = doc.title().strip();
        String keywords = meta(doc, "keywords");
        String description = meta(doc, "description");
        Set<String> terms = new TreeSet<>(spam.scan(title, keywords, description).terms());
        if (doc.body() != null) {
            // element by element: one anti-gambling notice on the page must not hide spam elsewhere on it
            for (Element el : doc.body().select("*")) {
                String own = el.ownText();
                if (!own.isBlank() || el.hasAttr("title")) {
                    terms.addAll(spam.scan(own, el.attr("title")).terms());
                }
            }
        }
        Set<String> hosts = new TreeSet<>();
        for (Element el : doc.select("a[href], iframe[src], frame[src], script[src]")) {
            String target = el.hasAttr("href") ? el.absUrl("href") : el.absUrl("src");
            if (Hosts.external(target, siteUrl)) {
                Hosts.host(target).ifPresent(hosts::add);
            }
        }
        return new PageFeatures(status, redirects, finalUrl, title, keywords, description, terms, hosts);
    }

    /** The target of a {@code <meta http-equiv="refresh">}, empty when none. */
    public static String metaRefresh(String html, String baseUrl) {
        Element m = Jsoup.parse(html == null ? "" : html, baseUrl).selectFirst("meta[http-equiv~=(?i)refresh]");
        if (m == null) {
            return "";
        }
        java.util.regex.Matcher u = java.util.regex.Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\";]+)")
                .matcher(m.attr("content"));
        if (!u.find()) {
            return "";
        }
        try {
            return java.net.URI.create(baseUrl).resolve(u.group(1).trim()).toString();
        } catch (IllegalArgumentException e) {
            return u.group(1).trim();
        }
    }

    public String finalHost() {
        return Hosts.host(finalUrl).orElse("");
    }

    private static String meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[name~=(?i)^" + name + "$]");
        return m == null ? "" : m.attr("content").strip();
    }
}

package cn.xunjian.console.review;

/**
 * What a review and a re-check need to know of a finding.
 *
 * @param siteCode the site's 网站标识码, or null when its site file gives none
 * @param kind the check that produced it (e.g. {@code link.broken})
 * @param url the page or link it is about
 */
public record FindingRef(String findingId, String siteUrl, String siteCode, String kind, String url) {
}

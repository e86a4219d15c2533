package cn.xunjian.crawl;

import java.util.List;

/**
 * What a crawl found.
 *
 * @param pages HTML pages fetched and parsed
 * @param links distinct URLs checked (pages, images and attachments)
 * @param broken the broken ones, soft-404 pages included, in the order they were found
 * @param softNotFound pages that answer 200 but say the page does not exist
 * @param notes Chinese lines about traps skipped, truncated pages and caps reached
 * @param truncated true when a cap stopped the crawl before every same-site page was parsed
 */
public record CrawlResult(int pages, int links, List<CheckedLink> broken, List<String> softNotFound,
                          List<String> notes, boolean truncated) {
    public CrawlResult {
        broken = List.copyOf(broken);
        softNotFound = List.copyOf(softNotFound);
        notes = List.copyOf(notes);
    }
}

package cn.xunjian.audit;

import cn.xunjian.model.SitePage;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The absolute targets of a page's links, images, frames and embeds, without fragments, for telling whether a link
 * is still on the page. A target written differently from how the crawl normalised it is missed, which only ever
 * makes a re-check undetermined, never gone.
 */
final class PageLinkTargets {
    private PageLinkTargets() {
    }

    static Set<String> of(SitePage page) {
        Document doc = Jsoup.parse(page.html(), page.url());
        Set<String> targets = new LinkedHashSet<>();
        for (Element e : doc.select("a[href], area[href], link[href], img[src], iframe[src], frame[src], embed[src], "
                + "source[src], script[src]")) {
            String abs = e.hasAttr("href") ? e.absUrl("href") : e.absUrl("src");
            if (!abs.isEmpty()) {
                int hash = abs.indexOf('#');
                targets.add(hash < 0 ? abs : abs.substring(0, hash));
            }
        }
        return targets;
    }
}

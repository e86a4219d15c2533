package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.crawl.UnverifiedLinks;
import cn.xunjian.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * W-D1 on the home page: every link, image and attachment is checked over HTTP once; each broken one is a
 * finding with the element outlined on a screenshot and the HTTP record.
 */
public final class HomeLinksCheck implements HomePageCheck {
    static final String INDICATOR = "W-D1";

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws InterruptedException {
        Document doc = Jsoup.parse(ctx.page().html(), ctx.page().url());
        Map<String, Element> links = PageLinks.of(doc);
        Map<String, LinkStatus> statuses = ctx.links().check(PageLinks.urls(links));
        List<Finding> findings = new ArrayList<>();
        int skipped = 0;
        UnverifiedLinks unverified = new UnverifiedLinks();
        for (var e : statuses.entrySet()) {
            LinkStatus s = e.getValue();
            if (s.skipped()) {
                skipped++;
                continue;
            }
            unverified.add(s);
            if (!s.broken()) {
                continue;
            }
            Element el = links.get(e.getKey());
            List<Evidence> evidence = new ArrayList<>();
            ctx.page().outlinedScreenshot(el.cssSelector())
                    .ifPresent(png -> evidence.add(ctx.evidence().screenshot("broken-link", png, ctx.page().url())));
            evidence.add(ctx.evidence().json("http", "link-check", s, s.url()));
            String what = el.tagName().equals("img") ? "图片" : isAttachment(s.url()) ? "附件" : "链接";
            findings.add(Finding.about(INDICATOR, "link.broken.home", Severity.DEDUCT, s.url(), s.url(),
                    "首页" + what + "不可用：“" + PageLinks.label(el) + "” → " + s.url() + "（" + s.describe() + "）",
                    evidence).with("text", PageLinks.label(el)).with("what", what).with("status", s.describe()));
        }
        unverified.lines("首页").forEach((why, lines) -> lines.forEach(line -> findings.add(new Finding(INDICATOR,
                "link." + why.name().toLowerCase(Locale.ROOT), Severity.INFO, ctx.page().url(), line, List.of()))));
        if (skipped > 0) {
            findings.add(new Finding(INDICATOR, "link.skipped", Severity.INFO, ctx.page().url(),
                    "首页有" + skipped + "个链接超出允许访问的网络范围，未检查", List.of()));
        }
        return findings;
    }

    private static boolean isAttachment(String url) {
        return url.matches("(?i).*\\.(pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|ofd)(\\?.*)?$");
    }
}

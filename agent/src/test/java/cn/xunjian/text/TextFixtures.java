package cn.xunjian.text;

import cn.xunjian.check.PageContext;
import cn.xunjian.check.Renderer;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.site.SiteFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Page contexts for unit tests of the text checks. */
final class TextFixtures {
    /** 2026-11-22 10:00 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private TextFixtures() {
    }

    static PageContext context(Path dir, Renderer renderer) {
        return context(dir, renderer, "3301850031");
    }

    static PageContext context(Path dir, Renderer renderer, String siteCode) {
        SiteFile site = new SiteFile("临江市人民政府", siteCode, "http://127.0.0.1/", null, null, null, null, null);
        return new PageContext(site, new SiteEvidence(new EvidenceStore(dir, CLOCK), "linjiang"), renderer,
                CLOCK);
    }

    static Renderer none() {
        return url -> Optional.empty();
    }

    static String article(String body) {
        return "<html><head><meta charset=\"utf-8\"><title>文章</title></head><body><div class=\"article\">"
                + body + "</div></body></html>";
    }
}

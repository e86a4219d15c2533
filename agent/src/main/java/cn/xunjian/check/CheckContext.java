package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.time.Clock;

/** Everything a page check may use; checks never see Playwright. */
public record CheckContext(SiteFile site, AuditPage page, SiteEvidence evidence, LinkChecker links, OcrEngine ocr,
                           QrDecoder qr, Clock clock) {
}

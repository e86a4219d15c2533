package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import java.time.Clock;

/**
 * Everything a {@link HomePageCheck} may use: the rendered home page (never Playwright itself), the evidence
 * store, HTTP link checking, OCR and QR, and the site's facts, where it records what later checks need.
 */
public record CheckContext(SiteFile site, AuditPage page, SiteEvidence evidence, LinkChecker links, OcrEngine ocr,
                           QrDecoder qr, Clock clock, Facts facts) {
}

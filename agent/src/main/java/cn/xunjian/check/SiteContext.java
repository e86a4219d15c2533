package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.WebBrowser;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.crawl.PageSource;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import cn.xunjian.net.HttpStack;
import java.time.Clock;
import java.time.Duration;

/**
 * What a {@link SiteCheck} may use: the site file, its rendered home page, the browser (to open further pages or
 * sessions with another device profile), the hosts it may contact and the page timeout, the evidence store, the audit's HTTP
 * stack (whose scope is {@code scope}) and link checking over it, the crawled pages and a renderer for them, OCR and QR, and the facts the checks before it
 * established (a web-view check reads the footer's QR targets, for instance).
 */
public record SiteContext(SiteFile site, AuditPage home, WebBrowser browser, SiteEvidence evidence,
                          NetworkScope scope, HttpStack http, Duration pageTimeout, LinkChecker links, PageSource pages,
                          Renderer renderer, OcrEngine ocr, QrDecoder qr, Clock clock, Facts facts) {
}

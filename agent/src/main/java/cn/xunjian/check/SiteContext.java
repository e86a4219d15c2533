package cn.xunjian.check;

import cn.xunjian.model.Finding;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link SiteCheck} may use: the site file, its rendered home page, the browser (to open further pages or
 * sessions with another device profile), the evidence store, the audit's HTTP stack (whose scope is {@code scope})
 * and link checking over it, OCR and QR, and the findings the checks before it produced (a web-view check reads
 * the footer QR codes, for instance).
 */
public record SiteContext(SiteFile site, AuditPage home, BrowserRuntime browser, SiteEvidence evidence,
                          NetworkScope scope, HttpStack http, Duration pageTimeout, LinkChecker links, OcrEngine ocr,
                          QrDecoder qr, Clock clock, List<Finding> findingsSoFar) {
    public SiteContext {
        findingsSoFar = List.copyOf(findingsSoFar);
    }
}

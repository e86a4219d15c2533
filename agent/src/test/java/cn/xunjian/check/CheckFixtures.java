package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.OcrEngine;
import cn.xunjian.vision.QrDecoder;
import cn.xunjian.vision.TesseractOcrEngine;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds check contexts for unit tests: real OCR and QR engines, evidence in a temp folder, no browser. */
final class CheckFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);
    private static OcrEngine ocr;

    private CheckFixtures() {
    }

    static synchronized OcrEngine ocr() {
        if (ocr == null) {
            ocr = new TesseractOcrEngine();
        }
        return ocr;
    }

    static CheckContext context(Path dir, SiteFile site, AuditPage page) {
        return context(dir, site, page, ocr(), new ZxingQrDecoder());
    }

    static CheckContext context(Path dir, SiteFile site, AuditPage page, OcrEngine ocr, QrDecoder qr) {
        return context(dir, site, page, null, ocr, qr);
    }

    static CheckContext context(Path dir, SiteFile site, AuditPage page, LinkChecker links, OcrEngine ocr, QrDecoder qr) {
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(dir, CLOCK), "site-01");
        return new CheckContext(site, page, evidence, links, ocr, qr, CLOCK, new Facts());
    }
}

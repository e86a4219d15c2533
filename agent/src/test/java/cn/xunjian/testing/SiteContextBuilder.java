package cn.xunjian.testing;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.WebBrowser;
import cn.xunjian.check.Facts;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.LinkChecker;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.ZxingQrDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The {@link SiteContext} a site check gets in an audit, with the defaults tests share: loopback only, 15 s. */
public final class SiteContextBuilder {
    private SiteContextBuilder() {
    }

    public static SiteContext of(SiteFile site, AuditPage home, WebBrowser browser, SiteEvidence evidence,
                                 LinkChecker links, Clock clock, Facts facts) {
        return new SiteContext(site, home, browser, evidence, NetworkScope.LOOPBACK_ONLY,
                HttpStack.of(NetworkScope.LOOPBACK_ONLY), Duration.ofSeconds(15), links, url -> Optional.empty(), url -> Optional.empty(), image -> "", new ZxingQrDecoder(), clock,
                facts);
    }
}

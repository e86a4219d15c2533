package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import cn.xunjian.vision.ZxingQrDecoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds the {@link cn.xunjian.check.SiteContext} a site check gets in an audit, over a real browser. */
public final class SiteContexts {
    private SiteContexts() {
    }

    /** Loads the site's home page in {@code session} and returns the context; the session must stay open. */
    public static cn.xunjian.check.SiteContext of(SiteFile site, BrowserRuntime browser, BrowserSession session,
                                                  Path runDir, Clock clock) {
        PageLoad load = session.load(site.url(), Duration.ofSeconds(15));
        assertThat(load).isInstanceOf(PageLoad.Loaded.class);
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(runDir, clock), "site-01");
        return new cn.xunjian.check.SiteContext(site, ((PageLoad.Loaded) load).page(), browser, evidence,
                NetworkScope.LOOPBACK_ONLY, cn.xunjian.net.HttpStack.of(NetworkScope.LOOPBACK_ONLY), Duration.ofSeconds(15),
                    null, image -> "", new ZxingQrDecoder(), clock,
                List.of());
    }

    public static BrowserSession desktop(BrowserRuntime browser) {
        return browser.openSession(DeviceProfile.DESKTOP);
    }
}

package cn.xunjian.check;

import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.site.SiteFile;
import java.time.Clock;

/** What a {@link PageCheck} may use besides the page itself. */
public record PageContext(SiteFile site, SiteEvidence evidence, Renderer renderer, Clock clock) {
}

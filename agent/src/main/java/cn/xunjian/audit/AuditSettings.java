package cn.xunjian.audit;

import cn.xunjian.browser.NetworkScope;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Duration;

/** How an audit runs: the catalogue (with its thresholds), the hosts it may contact and how much of a site it takes on. */
public record AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope, AuditLimits limits) {
    public AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope) {
        this(catalogue, scope, AuditLimits.standard());
    }

    public static AuditSettings standard(NetworkScope scope) {
        return new AuditSettings(IndicatorCatalogue.standard(), scope);
    }

    public Duration pageTimeout() {
        return Duration.ofSeconds(catalogue.availability().timeoutSeconds());
    }
}

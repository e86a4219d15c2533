package cn.xunjian.audit;

import cn.xunjian.browser.NetworkScope;
import cn.xunjian.score.IndicatorCatalogue;
import java.time.Duration;

/** How an audit runs: the catalogue (with its thresholds) and the hosts it may contact. */
public record AuditSettings(IndicatorCatalogue catalogue, NetworkScope scope) {
    public static AuditSettings standard(NetworkScope scope) {
        return new AuditSettings(IndicatorCatalogue.standard(), scope);
    }

    public Duration pageTimeout() {
        return Duration.ofSeconds(catalogue.availability().timeoutSeconds());
    }
}

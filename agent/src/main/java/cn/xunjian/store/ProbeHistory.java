package cn.xunjian.store;

import cn.xunjian.model.ProbeRecord;
import java.time.Instant;
import java.util.List;

/**
 * The availability probes the daemon stored, for the weekly W-V2 verdict, forecasts and availability charts.
 * Implementations are thread-safe and read committed data only.
 */
public interface ProbeHistory {
    /**
     * Every probe (http and browser) of the site whose capture time lies in {@code [from, to)}, oldest first.
     *
     * @param siteUrl the site's home page URL exactly as written in its site file
     */
    List<ProbeRecord> probes(String siteUrl, Instant from, Instant to);
}

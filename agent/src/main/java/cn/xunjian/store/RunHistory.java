package cn.xunjian.store;

import cn.xunjian.model.Finding;
import java.util.List;
import java.util.Optional;

/** Findings of earlier audit runs, for marking findings new / still open / fixed. */
public interface RunHistory {
    /**
     * The findings of the latest <em>completed</em> run of the site that started before the run
     * {@code beforeRunId} (or before now when that run is unknown); empty when there is no such run.
     * Interrupted and running runs are never returned.
     *
     * @param siteUrl the site's home page URL exactly as written in its site file
     */
    Optional<List<Finding>> previousFindings(String siteUrl, String beforeRunId);
}

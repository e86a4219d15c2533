package cn.xunjian.store.jdbc;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One audit run as stored.
 *
 * @param id run id, also the name of its evidence directory
 * @param node the scheduler instance that ran it
 * @param finished null while running
 * @param verdict 合格 / 不合格 for completed runs, else null
 * @param score the score for completed runs, else null
 * @param detail why a run was interrupted, else empty
 */
public record StoredRun(String id, String siteUrl, String siteName, String siteCode, String node, Instant started,
                        Instant finished, RunStatus status, Path runDir, String verdict, Double score, String detail) {
}

package cn.xunjian.evidence;

/**
 * One file of a run as recorded in manifest.json.
 *
 * @param path relative to the run directory
 * @param sha256 hex digest at capture time
 * @param size bytes
 * @param type evidence type or {@code report}
 * @param url the page the file was captured from (empty for reports)
 * @param capturedAt ISO-8601 time with offset, Asia/Shanghai
 */
public record ManifestEntry(String path, String sha256, long size, String type, String url, String capturedAt) {
}

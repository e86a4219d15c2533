package cn.xunjian.model;

/**
 * Thresholds of W-V2 (站点无法访问), from the catalogue's data file.
 *
 * @param timeoutSeconds a visit fails when the page has not opened after this long
 * @param vetoFailureRatio failures at or above this share of the visits are a veto
 * @param probesPerAudit HTTP probes of the home page in one audit
 */
public record AvailabilityThresholds(int timeoutSeconds, double vetoFailureRatio, int probesPerAudit) {
}

/**
 * Re-checks one finding after its site reports a fix (已整改): only the check that produced it, only on the page it
 * is about, with the same browser and HTTP stack as an audit; the fresh evidence is kept beside the old, nothing is
 * deleted or overwritten.
 *
 * <p>The whole API, for the command line and the console:
 * <pre>{@code
 * SiteFile site = new SiteFileLoader().load(siteFile);
 * FindingRef finding = FindingRef.fromRun(runDir, site, findingId);     // from the run's report.json
 * RecheckResult r = new Recheck(AuditSettings.standard(scope), clock).run(site, finding, runDir);
 * r.outcome();       // PRESENT 仍存在 · GONE 已整改 · UNDETERMINED 无法判定
 * r.reason();        // why, in Chinese
 * r.evidenceDir();   // <runDir>/rechecks/<findingId>/<UTC time>/ : evidence, recheck.json, manifest.json
 * r.freshFindings(); // what the check found this time, with ids
 * }</pre>
 * Which unit each kind of check runs on (the home page, the one page, the whole site, a broken link's page) is in
 * {@code cn.xunjian.audit.CheckRerun}; which check produced a finding is in {@code audit/check-kinds.json}.
 * GONE is only ever said when the check ran to its end: an unreachable page, a check that throws or a kind that
 * cannot be re-checked on its own is UNDETERMINED with the reason. The re-check directory verifies with
 * {@code ManifestVerifier} like a run.
 */
package cn.xunjian.recheck;

package cn.xunjian.report;

import cn.xunjian.history.FindingChange;
import cn.xunjian.history.SiteHistory;
import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.CheckResult;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Verdict;
import java.util.List;

/**
 * What report.html shows, worked out from a report before {@code report/report.jte} renders it: the templates only
 * lay it out.
 *
 * @param newMediaTally the new-media totals; null when the batch had no accounts
 */
record ReportPage(String generatedAt, Summary summary, List<SummaryRow> rows, List<IndicatorRow> indicators,
                  Summary newMediaTally, List<NewMediaRow> newMedia, List<SitePart> sites) {

    /** One site in the summary table. */
    record SummaryRow(int number, String name, String siteCode, Verdict verdict, String score, long problems) {
    }

    /** One indicator that caught something in the batch. */
    record IndicatorRow(String id, String name, String type, long sites, long problems) {
    }

    /** One new-media account, mini program or web view of the batch, as {@link NewMediaAccounts} finds them. */
    record NewMediaRow(int number, String name, String url, String site, Verdict verdict, String problems) {
    }

    /**
     * One site's section.
     *
     * @param history the site's past; null outside the daemon
     * @param checks what each check came to
     * @param errored the checks that could not complete, in the order they ran
     * @param accounts the site's new-media accounts as judged one by one
     */
    record SitePart(int index, SiteReport site, String siteCode, String score, SiteHistory history,
                    List<IndicatorGroup> groups, CheckTally checks, List<ErroredCheck> errored,
                    List<SiteAccount> accounts) {

        /** The anchor of one of this site's findings, for links from its accounts. */
        String anchor(Finding f) {
            return anchor(index, f.id());
        }

        static String anchor(int index, String findingId) {
            return "site-" + index + "-finding-" + findingId;
        }
    }

    /** The findings of one indicator, problems first and the gravest on top. */
    record IndicatorGroup(String id, String name, long problems, List<FindingItem> findings) {
    }

    /**
     * @param change     how the finding compares with the previous run; null without a history
     * @param capturedAt when its first evidence file was captured, or null
     * @param seal       how the run's evidence was sealed (signed, stamped or why not), or null
     */
    record FindingItem(Finding finding, FindingChange.Change change, List<EvidenceLink> evidence, String capturedAt,
                       String seal) {
    }

    /** @param thumbnail a data URI of a scaled-down image; null when the file is not an image or cannot be read */
    record EvidenceLink(Evidence evidence, String thumbnail) {
        /** For a web archive: whether this link opens the archived page (a WACZ) rather than a file of its own. */
        public boolean archived() {
            return Evidence.WARC.equals(evidence.type());
        }

        /** The capture time of an archived page as a reader reads it, {@code 2026-11-22 02:00:05}, Shanghai time. */
        public String capturedAtText() {
            String t = evidence.capturedAt();
            if (t == null) {
                return "";
            }
            java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(t);
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT)
                    .format(time);
        }
    }

    /** How many checks of a site came to each outcome. */
    record CheckTally(long passed, long failed, long errored) {
        static CheckTally of(List<CheckResult> checks) {
            return new CheckTally(count(checks, CheckResult.Outcome.PASSED), count(checks, CheckResult.Outcome.FAILED),
                    count(checks, CheckResult.Outcome.ERRORED));
        }

        long total() {
            return passed + failed + errored;
        }

        private static long count(List<CheckResult> checks, CheckResult.Outcome outcome) {
            return checks.stream().filter(c -> c.outcome() == outcome).count();
        }
    }

    /** A check that could not complete, with what it left behind. */
    record ErroredCheck(CheckResult result, List<EvidenceLink> evidence) {
    }

    /**
     * @param platform the platform's Chinese name
     * @param findings the findings about the account, as far as the site's findings hold them
     */
    record SiteAccount(AccountVerdict account, String platform, List<FindingRef> findings) {
    }

    /**
     * @param anchor the finding's anchor in the site's section; null when the site's findings do not hold it
     * @param text the finding's message, or its id when the site's findings do not hold it
     */
    record FindingRef(String anchor, String text) {
    }
}

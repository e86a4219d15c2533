package cn.xunjian.console;

import java.util.List;

/** The values the console's JTE templates ({@code src/main/jte/console}) render; every text is escaped there. */
public final class Views {
    private Views() {
    }

    /** What every page's frame shows: the title, who is logged in, the CSRF token for its forms. */
    public record Frame(String title, String userName, String roleLabel, String csrf, boolean staff, boolean admin,
                        String active) {
        public boolean loggedIn() {
            return userName != null;
        }
    }

    public record LoginPage(Frame frame, String name, String error) {
    }

    public record MessagePage(Frame frame, String heading, String text) {
    }

    public record SiteRow(String ref, String name, String url, String siteCode, String verdict, boolean passed,
                          String score, String lastRun, int open, int dismissed, int pending, String origin) {
    }

    public record VetoRow(String siteRef, String siteName, String findingId, String message) {
    }

    public record AvailabilityRow(String siteRef, String siteName, String sentence, String verdict) {
    }

    public record DashboardPage(Frame frame, int checked, int passed, String passRate, List<SiteRow> failing,
                                List<VetoRow> vetoes, List<AvailabilityRow> availability) {
    }

    public record SitesPage(Frame frame, List<SiteRow> sites, boolean canAdd) {
    }

    /**
     * The form that adds or edits a site (管理员 only).
     *
     * @param changed who added or last changed the site in the console and when, or null
     */
    public record SiteFormPage(Frame frame, String heading, String action, String cancel, SiteForm form,
                               List<StatusOption> kinds, String errorField, String error, String origin,
                               String changed) {
        public boolean fieldError(String field) {
            return error != null && field.equals(errorField);
        }
    }

    public record Item(String id, String severity, String severityLabel, String message, String url, String kind,
                       String status, String statusLabel, boolean counted) {
    }

    public record Group(String id, String name, List<Item> items) {
    }

    public record SitePage(Frame frame, SiteRow site, boolean canRun, boolean canEdit, String runId,
                           List<Group> groups, String notice) {
    }

    public record EvidenceRow(String type, String path, String href, String sha256, String state, boolean image) {
    }

    /** One capture of a hijack finding: who visited (普通访问, 百度蜘蛛（PC）…), the screenshot, that visit's source. */
    public record Capture(String label, EvidenceRow image, EvidenceRow source) {
    }

    public record HistoryRow(String at, String actor, String status, String reason) {
    }

    public record RecheckRow(String requestedAt, String requestedBy, String status, String outcome, String finishedAt,
                             String detail, List<String> evidence) {
    }

    public record AttachmentRow(long id, String name, String size, String user, String at) {
    }

    public record StatusOption(String value, String label) {
    }

    public record FindingPage(Frame frame, SiteRow site, Item item, String runId, List<EvidenceRow> evidence,
                              List<Capture> captures, String manifestState, List<HistoryRow> history, List<RecheckRow> rechecks,
                              List<AttachmentRow> attachments, List<StatusOption> options, String error,
                              String errorField, String accept, String maxSize, String notice) {
        public boolean fieldError(String field) {
            return error != null && field.equals(errorField);
        }
    }

    public record RunRow(String siteRef, String siteName, String runId, String started, String status, String verdict,
                         String score, int findings, int added, int open, int fixed) {
    }

    public record RunsPage(Frame frame, List<RunRow> runs) {
    }

    public record LogRow(String at, String actor, String address, String action, String detail) {
    }

    public record LogPage(Frame frame, List<LogRow> rows) {
    }

    public record CircularPage(Frame frame, String markdown, boolean reviewBeforePublish, int sites) {
    }
}

package cn.xunjian.store.jdbc;

import cn.xunjian.model.AccountVerdict;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Verdict;
import cn.xunjian.model.ProbeRecord;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.ManifestEntry;
import cn.xunjian.report.SiteReport;
import cn.xunjian.store.ProbeHistory;
import cn.xunjian.store.RunHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Audit runs, findings, evidence paths and availability probes in the database. A run is inserted as
 * {@code running} by {@link #beginRun}; {@link #completeRun} writes its findings and evidence rows and flips it to
 * {@code completed} in one transaction, so readers never see half a run. Thread-safe.
 */
public final class JdbcResultStore implements ProbeHistory, RunHistory {
    private final Connections connections;

    public JdbcResultStore(DataSource dataSource) {
        this.connections = new Connections(dataSource, StoreException::new);
    }

    /** What is known when a run starts. */
    public record RunStart(String id, String siteUrl, String siteName, String siteCode, String node, Instant started,
                           Path runDir) {
    }

    /** Stores one probe (autocommit). {@code siteUrl} is the site file's URL, the key of the history. */
    public void recordProbe(String siteUrl, ProbeRecord p, String node) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_PROBES (SITE_URL, METHOD, URL, STATUS, "
                    + "MILLIS, OK, REASON, PROBED_AT, AT_TEXT, NODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, siteUrl);
                s.setString(2, p.method());
                s.setString(3, p.url());
                s.setInt(4, p.status());
                s.setLong(5, p.millis());
                s.setBoolean(6, p.ok());
                s.setString(7, p.reason() == null ? "" : p.reason());
                s.setObject(8, OffsetDateTime.parse(p.at()));
                s.setString(9, p.at());
                s.setString(10, node);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ProbeRecord> probes(String siteUrl, Instant from, Instant to) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT METHOD, URL, STATUS, MILLIS, OK, REASON, AT_TEXT "
                    + "FROM XJ_PROBES WHERE SITE_URL = ? AND PROBED_AT >= ? AND PROBED_AT < ? ORDER BY PROBED_AT, ID")) {
                s.setString(1, siteUrl);
                s.setObject(2, utc(from));
                s.setObject(3, utc(to));
                List<ProbeRecord> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ProbeRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                                rs.getBoolean(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Inserts the run as {@code running} and commits, before any evidence is written. */
    public void beginRun(RunStart r) {
        sql(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_RUNS (ID, SITE_URL, SITE_NAME, SITE_CODE, "
                    + "NODE, STARTED_AT, STATUS, RUN_DIR, DETAIL) VALUES (?, ?, ?, ?, ?, ?, 'running', ?, '')")) {
                s.setString(1, r.id());
                s.setString(2, r.siteUrl());
                s.setString(3, r.siteName());
                s.setString(4, r.siteCode());
                s.setString(5, r.node());
                s.setObject(6, utc(r.started()));
                s.setString(7, r.runDir().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Writes the run's findings and evidence files and marks it completed, all in one transaction.
     *
     * @param files the run's manifest entries (evidence and report files, paths relative to the run dir)
     * @throws IllegalStateException when the run is not {@code running} any more (e.g. marked interrupted meanwhile)
     */
    public void completeRun(String runId, Instant finished, SiteReport report, List<ManifestEntry> files) {
        tx(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE XJ_RUNS SET STATUS = 'completed', FINISHED_AT = ?, "
                    + "VERDICT = ?, SCORE = ? WHERE ID = ? AND STATUS = 'running'")) {
                s.setObject(1, utc(finished));
                s.setString(2, report.verdict().label());
                if (report.score() == null) {
                    s.setNull(3, java.sql.Types.DOUBLE);
                } else {
                    s.setDouble(3, report.score());
                }
                s.setString(4, runId);
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("run " + runId + " is not running any more");
                }
            }
            try (PreparedStatement f = c.prepareStatement("INSERT INTO XJ_FINDINGS (RUN_ID, SEQ, INDICATOR, KIND, "
                    + "SEVERITY, URL, MESSAGE, FINDING_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement e = c.prepareStatement("INSERT INTO XJ_FINDING_EVIDENCE (RUN_ID, FINDING_SEQ, SEQ, "
                         + "TYPE, PATH, SHA256, PAGE, CAPTURED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Finding finding : report.findings()) {
                    f.setString(1, runId);
                    f.setInt(2, seq);
                    f.setString(3, finding.indicator());
                    f.setString(4, finding.kind());
                    f.setString(5, finding.severity().name());
                    f.setString(6, finding.url());
                    f.setString(7, finding.message());
                    f.setString(8, finding.id());
                    f.addBatch();
                    int eseq = 0;
                    for (Evidence ev : finding.evidence()) {
                        e.setString(1, runId);
                        e.setInt(2, seq);
                        e.setInt(3, eseq++);
                        e.setString(4, ev.type());
                        e.setString(5, ev.path());
                        e.setString(6, ev.sha256());
                        e.setString(7, ev.page());
                        e.setString(8, ev.capturedAt());
                        e.addBatch();
                    }
                    seq++;
                }
                f.executeBatch();
                e.executeBatch();
            }
            try (PreparedStatement a = c.prepareStatement("INSERT INTO XJ_ACCOUNTS (RUN_ID, SEQ, NAME, PLATFORM, URL, "
                    + "VERDICT, FINDING_IDS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (AccountVerdict account : report.accounts()) {
                    a.setString(1, runId);
                    a.setInt(2, seq++);
                    a.setString(3, account.name());
                    a.setString(4, account.platform());
                    a.setString(5, account.url());
                    a.setString(6, account.verdict().label());
                    a.setString(7, String.join(" ", account.findings()));
                    a.addBatch();
                }
                a.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_EVIDENCE (RUN_ID, PATH, SHA256, SIZE, TYPE, "
                    + "URL, CAPTURED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ManifestEntry m : files) {
                    s.setString(1, runId);
                    s.setString(2, m.path());
                    s.setString(3, m.sha256());
                    s.setLong(4, m.size());
                    s.setString(5, m.type());
                    s.setString(6, m.url() == null ? "" : m.url());
                    s.setString(7, m.capturedAt() == null ? "" : m.capturedAt());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Marks a running run interrupted; returns false when it was not running. */
    public boolean interruptRun(String runId, Instant at, String reason) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE XJ_RUNS SET STATUS = 'interrupted', FINISHED_AT = ?, "
                    + "DETAIL = ? WHERE ID = ? AND STATUS = 'running'")) {
                s.setObject(1, utc(at));
                s.setString(2, reason);
                s.setString(3, runId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Runs still marked running, optionally only those of one site. */
    public List<StoredRun> running(String siteUrlOrNull) {
        return siteUrlOrNull == null
                ? query("WHERE STATUS = 'running' ORDER BY STARTED_AT", List.of())
                : query("WHERE STATUS = 'running' AND SITE_URL = ? ORDER BY STARTED_AT", List.of(siteUrlOrNull));
    }

    /** Every stored run, oldest first. */
    public List<StoredRun> runs() {
        return query("ORDER BY STARTED_AT, ID", List.of());
    }

    public Optional<StoredRun> run(String id) {
        return query("WHERE ID = ?", List.of(id)).stream().findFirst();
    }

    /** The latest run of each site (any status), by site URL. */
    public Map<String, StoredRun> latestRuns() {
        Map<String, StoredRun> out = new LinkedHashMap<>();
        for (StoredRun r : runs()) {
            out.put(r.siteUrl(), r);
        }
        return out;
    }

    /** The latest completed run of the site, if any. */
    public Optional<StoredRun> latestCompleted(String siteUrl) {
        List<StoredRun> runs = query("WHERE SITE_URL = ? AND STATUS = 'completed' ORDER BY STARTED_AT DESC, ID DESC",
                List.of(siteUrl));
        return runs.stream().findFirst();
    }

    @Override
    public Optional<List<Finding>> previousFindings(String siteUrl, String beforeRunId) {
        Optional<StoredRun> before = beforeRunId == null ? Optional.empty() : run(beforeRunId);
        List<StoredRun> runs = before.isPresent()
                ? query("WHERE SITE_URL = ? AND STATUS = 'completed' AND STARTED_AT < ? AND ID <> ? "
                        + "ORDER BY STARTED_AT DESC, ID DESC", List.of(siteUrl, utc(before.get().started()), beforeRunId))
                : query("WHERE SITE_URL = ? AND STATUS = 'completed' ORDER BY STARTED_AT DESC, ID DESC", List.of(siteUrl));
        return runs.stream().findFirst().map(r -> findings(r.id()));
    }

    /** The latest completed run in which a finding with this stable id was reported, with that finding. */
    public Optional<StoredFinding> latestFinding(String findingId) {
        Optional<String> runId = sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT F.RUN_ID FROM XJ_FINDINGS F JOIN XJ_RUNS R "
                    + "ON R.ID = F.RUN_ID WHERE F.FINDING_ID = ? AND R.STATUS = 'completed' "
                    + "ORDER BY R.STARTED_AT DESC, R.ID DESC")) {
                s.setString(1, findingId);
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return runId.flatMap(this::run).flatMap(r -> findings(r.id()).stream()
                .filter(f -> findingId.equals(f.id())).findFirst().map(f -> new StoredFinding(r, f)));
    }

    /** The completed runs of a site, newest first. */
    public List<StoredRun> completedRuns(String siteUrl) {
        return query("WHERE SITE_URL = ? AND STATUS = 'completed' ORDER BY STARTED_AT DESC, ID DESC", List.of(siteUrl));
    }

    /** The findings of a run with their evidence, in the order the audit reported them. */
    public List<Finding> findings(String runId) {
        return sql(c -> {
            Map<Integer, List<Evidence>> evidence = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT FINDING_SEQ, TYPE, PATH, SHA256, PAGE, CAPTURED_AT FROM XJ_FINDING_EVIDENCE "
                    + "WHERE RUN_ID = ? ORDER BY FINDING_SEQ, SEQ")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        evidence.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                                .add(new Evidence(rs.getString(2), rs.getString(3), rs.getString(4),
                                        rs.getString(5), rs.getString(6)));
                    }
                }
            }
            List<Finding> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT SEQ, INDICATOR, KIND, SEVERITY, URL, MESSAGE, FINDING_ID "
                    + "FROM XJ_FINDINGS WHERE RUN_ID = ? ORDER BY SEQ")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Finding(rs.getString(2), rs.getString(3),
                                Severity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5),
                                rs.getString(6), null, rs.getString(7), evidence.getOrDefault(rs.getInt(1), List.of())));
                    }
                }
            }
            return out;
        });
    }

    /** The new-media accounts of a run with their verdicts, in the order the run's report listed them. */
    public List<AccountVerdict> accounts(String runId) {
        return sql(c -> {
            List<AccountVerdict> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT NAME, PLATFORM, URL, VERDICT, FINDING_IDS "
                    + "FROM XJ_ACCOUNTS WHERE RUN_ID = ? ORDER BY SEQ")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String ids = rs.getString(5);
                        out.add(new AccountVerdict(rs.getString(1), rs.getString(2), rs.getString(3),
                                Verdict.fromLabel(rs.getString(4)), ids.isBlank() ? List.of()
                                : List.of(ids.split(" "))));
                    }
                }
            }
            return out;
        });
    }

    /** The evidence and report files recorded for a run. */
    public List<ManifestEntry> evidence(String runId) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT PATH, SHA256, SIZE, TYPE, URL, CAPTURED_AT "
                    + "FROM XJ_EVIDENCE WHERE RUN_ID = ? ORDER BY PATH")) {
                s.setString(1, runId);
                List<ManifestEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ManifestEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Deletes runs that started before {@code cutoff} and are not running (with their findings and evidence rows)
     * and probes captured before it, in one transaction; returns the deleted runs so the caller removes their
     * directories.
     */
    public List<StoredRun> deleteOlderThan(Instant cutoff) {
        return tx(c -> {
            List<StoredRun> old = query(c, "WHERE STARTED_AT < ? AND STATUS <> 'running'", List.of(utc(cutoff)));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM XJ_RUNS WHERE ID = ?")) {
                for (StoredRun r : old) {
                    s.setString(1, r.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM XJ_PROBES WHERE PROBED_AT < ?")) {
                s.setObject(1, utc(cutoff));
                s.executeUpdate();
            }
            return old;
        });
    }

    /** Row counts for {@code status}. */
    public StoreSize size() {
        return sql(c -> new StoreSize(count(c, "SELECT COUNT(*) FROM XJ_RUNS"),
                count(c, "SELECT COUNT(*) FROM XJ_RUNS WHERE STATUS = 'completed'"),
                count(c, "SELECT COUNT(*) FROM XJ_FINDINGS"),
                count(c, "SELECT COUNT(*) FROM XJ_EVIDENCE"),
                count(c, "SELECT COALESCE(SUM(SIZE), 0) FROM XJ_EVIDENCE"),
                count(c, "SELECT COUNT(*) FROM XJ_PROBES"),
                count(c, "SELECT COUNT(*) FROM XJ_SUBMITTED_MESSAGES")));
    }

    /** The latest probe of each site, by site URL. */
    public Map<String, ProbeRecord> latestProbes() {
        return sql(c -> {
            Map<String, ProbeRecord> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SITE_URL, METHOD, URL, STATUS, MILLIS, OK, REASON, AT_TEXT "
                         + "FROM XJ_PROBES ORDER BY PROBED_AT, ID")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ProbeRecord(rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getLong(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        });
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<StoredRun> query(String where, List<Object> args) {
        return sql(c -> query(c, where, args));
    }

    private static List<StoredRun> query(Connection c, String where, Collection<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, SITE_URL, SITE_NAME, SITE_CODE, NODE, STARTED_AT, "
                + "FINISHED_AT, STATUS, RUN_DIR, VERDICT, SCORE, DETAIL FROM XJ_RUNS " + where)) {
            int i = 1;
            for (Object a : args) {
                s.setObject(i++, a);
            }
            List<StoredRun> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime finished = rs.getObject(7, OffsetDateTime.class);
                    double score = rs.getDouble(11);
                    Double boxed = rs.wasNull() ? null : score;
                    out.add(new StoredRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant(), RunStatus.of(rs.getString(8)),
                            Path.of(rs.getString(9)), rs.getString(10), boxed, rs.getString(12)));
                }
            }
            return out;
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** Parses a probe's ISO time; a malformed one is a programming error in the caller. */
    static Instant instant(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad ISO time " + iso, e);
        }
    }

    private <T> T sql(Connections.Work<T> work) {
        return connections.sql(work);
    }

    private <T> T tx(Connections.Work<T> work) {
        return connections.tx(work);
    }
}

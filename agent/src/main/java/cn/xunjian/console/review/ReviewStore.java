package cn.xunjian.console.review;

import cn.xunjian.console.account.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Review statuses ({@code XJ_REVIEWS}: the current one per finding id), their history ({@code XJ_REVIEW_HISTORY},
 * only ever inserted into) and re-check requests ({@code XJ_RECHECKS}). Each change writes the current status and
 * its history row in one transaction. Thread-safe; cluster nodes share it through the database.
 */
public final class ReviewStore {
    /** The actor of a status a re-check set. */
    public static final String RECHECK_ACTOR = "复验";

    private final Jdbc db;
    private final Clock clock;

    public ReviewStore(DataSource ds, Clock clock) {
        this.db = new Jdbc(ds);
        this.clock = clock;
    }

    /** The finding's current review; {@link Review#pending} when no one has reviewed it. */
    public Review current(String findingId) {
        return db.sql(c -> current(c, findingId)).orElse(Review.pending(findingId));
    }

    /** The current reviews of a site's findings, by finding id (findings never reviewed are absent). */
    public Map<String, Review> forSite(String siteUrl) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT FINDING_ID, STATUS, ACTOR, REVIEWED_AT, REASON "
                    + "FROM XJ_REVIEWS WHERE SITE_URL = ?")) {
                s.setString(1, siteUrl);
                Map<String, Review> out = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Review r = review(rs);
                        out.put(r.findingId(), r);
                    }
                }
                return out;
            }
        });
    }

    /** Every status the finding has had, oldest first. */
    public List<Review> history(String findingId) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT FINDING_ID, STATUS, ACTOR, REVIEWED_AT, REASON "
                    + "FROM XJ_REVIEW_HISTORY WHERE FINDING_ID = ? ORDER BY ID")) {
                s.setString(1, findingId);
                List<Review> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(review(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Records a new status. 误报 and 申辩中 need a reason. 已整改待复验 also queues a re-check of the finding (unless
     * one is already waiting).
     *
     * @throws ReviewException when a reason is missing or too long
     */
    public Review set(FindingRef finding, ReviewStatus status, String actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (status.needsReason() && why.isEmpty()) {
            throw new ReviewException("reason", status == ReviewStatus.DISMISSED ? "标为误报须填写理由" : "申辩须填写理由");
        }
        if (why.length() > 2000) {
            throw new ReviewException("reason", "理由不能超过 2000 字");
        }
        Instant now = clock.instant();
        Review review = new Review(finding.findingId(), status, actor, now, why);
        db.tx(c -> {
            write(c, finding.siteUrl(), review);
            if (status == ReviewStatus.FIXED && !hasOpenRecheck(c, finding.findingId())) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_RECHECKS (FINDING_ID, SITE_URL, SITE_CODE, "
                        + "KIND, URL, REQUESTED_BY, REQUESTED_AT, STATUS, EVIDENCE, DETAIL) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', '', '')")) {
                    s.setString(1, finding.findingId());
                    s.setString(2, finding.siteUrl());
                    s.setString(3, finding.siteCode());
                    s.setString(4, finding.kind());
                    s.setString(5, finding.url());
                    s.setString(6, actor);
                    s.setObject(7, Jdbc.utc(now));
                    s.executeUpdate();
                }
            }
            return null;
        });
        return review;
    }

    /**
     * Takes the oldest queued re-check for this worker: it is marked running, so no other worker (on this node or
     * another) takes it too.
     */
    public Optional<RecheckRequest> claimNext() {
        return db.tx(c -> {
            while (true) {
                RecheckRequest next = null;
                try (PreparedStatement s = c.prepareStatement("SELECT ID, FINDING_ID, SITE_URL, SITE_CODE, KIND, URL, "
                        + "REQUESTED_BY, REQUESTED_AT FROM XJ_RECHECKS WHERE STATUS = 'queued' ORDER BY ID")) {
                    s.setMaxRows(1);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            next = new RecheckRequest(rs.getLong(1), new FindingRef(rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7),
                                    rs.getObject(8, OffsetDateTime.class).toInstant());
                        }
                    }
                }
                if (next == null) {
                    return Optional.<RecheckRequest>empty();
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE XJ_RECHECKS SET STATUS = 'running' "
                        + "WHERE ID = ? AND STATUS = 'queued'")) {
                    s.setLong(1, next.id());
                    if (s.executeUpdate() == 1) {
                        return Optional.of(next);
                    }
                }
            }
        });
    }

    /**
     * Records what a re-check found and moves the finding on: still present → 已确认, gone → 复验通过, undetermined →
     * stays 已整改待复验; each with a history entry by {@value #RECHECK_ACTOR}. A finding someone reviewed again
     * while the re-check ran (it is no longer 已整改待复验) keeps that newer status; the outcome is still recorded.
     */
    public void recordRecheck(RecheckRequest request, RecheckResult result) {
        Instant now = clock.instant();
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE XJ_RECHECKS SET STATUS = 'done', OUTCOME = ?, "
                    + "FINISHED_AT = ?, EVIDENCE = ?, DETAIL = ? WHERE ID = ?")) {
                s.setString(1, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
                s.setObject(2, Jdbc.utc(now));
                s.setString(3, String.join("\n", result.evidence()));
                s.setString(4, result.detail());
                s.setLong(5, request.id());
                s.executeUpdate();
            }
            Optional<Review> current = current(c, request.finding().findingId());
            boolean waiting = current.map(r -> r.status() == ReviewStatus.FIXED).orElse(false);
            String evidence = result.evidence().isEmpty() ? "" : "；新证据：" + String.join("、", result.evidence());
            ReviewStatus next = switch (result.outcome()) {
                case PRESENT -> ReviewStatus.CONFIRMED;
                case GONE -> ReviewStatus.VERIFIED;
                case UNDETERMINED -> ReviewStatus.FIXED;
            };
            String reason = switch (result.outcome()) {
                case PRESENT -> "复验：问题仍存在";
                case GONE -> "复验：问题已消除";
                case UNDETERMINED -> "复验未能得出结论，仍待复验";
            } + (result.detail().isEmpty() ? "" : "（" + result.detail() + "）") + evidence;
            Review review = new Review(request.finding().findingId(), waiting ? next : current.map(Review::status).orElse(ReviewStatus.PENDING),
                    RECHECK_ACTOR, now, waiting ? reason : reason + "；状态已另行更改，保持不变");
            if (waiting) {
                write(c, request.finding().siteUrl(), review);
            } else {
                history(c, request.finding().siteUrl(), review);
            }
            return null;
        });
    }

    /** The re-checks of a finding, oldest first. */
    public List<Recheck> rechecks(String findingId) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, FINDING_ID, REQUESTED_BY, REQUESTED_AT, STATUS, "
                    + "OUTCOME, FINISHED_AT, EVIDENCE, DETAIL FROM XJ_RECHECKS WHERE FINDING_ID = ? ORDER BY ID")) {
                s.setString(1, findingId);
                List<Recheck> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String outcome = rs.getString(6);
                        OffsetDateTime finished = rs.getObject(7, OffsetDateTime.class);
                        String evidence = rs.getString(8);
                        out.add(new Recheck(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                                outcome == null ? null : RecheckResult.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
                                finished == null ? null : finished.toInstant(),
                                evidence.isEmpty() ? List.of() : Arrays.asList(evidence.split("\n")), rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }

    private static boolean hasOpenRecheck(Connection c, String findingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM XJ_RECHECKS WHERE FINDING_ID = ? "
                + "AND STATUS <> 'done'")) {
            s.setString(1, findingId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static void write(Connection c, String siteUrl, Review r) throws SQLException {
        int n;
        try (PreparedStatement s = c.prepareStatement("UPDATE XJ_REVIEWS SET STATUS = ?, ACTOR = ?, REVIEWED_AT = ?, "
                + "REASON = ?, SITE_URL = ? WHERE FINDING_ID = ?")) {
            s.setString(1, r.status().json());
            s.setString(2, r.actor());
            s.setObject(3, Jdbc.utc(r.at()));
            s.setString(4, r.reason());
            s.setString(5, siteUrl);
            s.setString(6, r.findingId());
            n = s.executeUpdate();
        }
        if (n == 0) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_REVIEWS (FINDING_ID, SITE_URL, STATUS, ACTOR, "
                    + "REVIEWED_AT, REASON) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, r.findingId());
                s.setString(2, siteUrl);
                s.setString(3, r.status().json());
                s.setString(4, r.actor());
                s.setObject(5, Jdbc.utc(r.at()));
                s.setString(6, r.reason());
                s.executeUpdate();
            }
        }
        history(c, siteUrl, r);
    }

    private static void history(Connection c, String siteUrl, Review r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_REVIEW_HISTORY (FINDING_ID, SITE_URL, STATUS, "
                + "ACTOR, REVIEWED_AT, REASON) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.findingId());
            s.setString(2, siteUrl);
            s.setString(3, r.status().json());
            s.setString(4, r.actor());
            s.setObject(5, Jdbc.utc(r.at()));
            s.setString(6, r.reason());
            s.executeUpdate();
        }
    }

    private static Optional<Review> current(Connection c, String findingId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT FINDING_ID, STATUS, ACTOR, REVIEWED_AT, REASON "
                + "FROM XJ_REVIEWS WHERE FINDING_ID = ?")) {
            s.setString(1, findingId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(review(rs)) : Optional.empty();
            }
        }
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString(1), ReviewStatus.of(rs.getString(2)).orElseThrow(), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }
}

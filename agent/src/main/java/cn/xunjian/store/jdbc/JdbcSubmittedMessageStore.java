package cn.xunjian.store.jdbc;

import cn.xunjian.store.SubmittedMessage;
import cn.xunjian.store.SubmittedMessageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@link SubmittedMessageStore} in the database ({@code XJ_SUBMITTED_MESSAGES}); shared by every node. */
public final class JdbcSubmittedMessageStore implements SubmittedMessageStore {
    private final DataSource ds;

    public JdbcSubmittedMessageStore(DataSource dataSource) {
        this.ds = dataSource;
    }

    @Override
    public void save(SubmittedMessage m) {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO XJ_SUBMITTED_MESSAGES (SITE_URL, FORM_URL, "
                     + "QUERY_CODE, SUBJECT, SUBMITTED_AT, ANSWERED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, m.siteUrl());
            s.setString(2, m.formUrl());
            s.setString(3, m.queryCode() == null ? "" : m.queryCode());
            s.setString(4, m.subject() == null ? "" : m.subject());
            s.setString(5, m.submittedAt());
            s.setString(6, m.answeredAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public List<SubmittedMessage> unanswered() {
        return select("WHERE ANSWERED_AT IS NULL ORDER BY SUBMITTED_AT, ID");
    }

    /** Every message, in the order saved. */
    public List<SubmittedMessage> all() {
        return select("ORDER BY ID");
    }

    @Override
    public void markAnswered(String siteUrl, String queryCode, String answeredAt) {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE XJ_SUBMITTED_MESSAGES SET ANSWERED_AT = ? "
                     + "WHERE SITE_URL = ? AND QUERY_CODE = ? AND ANSWERED_AT IS NULL")) {
            s.setString(1, answeredAt);
            s.setString(2, siteUrl);
            s.setString(3, queryCode);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private List<SubmittedMessage> select(String tail) {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT SITE_URL, FORM_URL, QUERY_CODE, SUBJECT, SUBMITTED_AT, "
                     + "ANSWERED_AT FROM XJ_SUBMITTED_MESSAGES " + tail);
             ResultSet rs = s.executeQuery()) {
            List<SubmittedMessage> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new SubmittedMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}

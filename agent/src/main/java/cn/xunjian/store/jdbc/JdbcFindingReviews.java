package cn.xunjian.store.jdbc;

import cn.xunjian.store.FindingReviews;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** The review statuses the console keeps in {@code XJ_REVIEWS}, read for scoring and the 通报. */
public final class JdbcFindingReviews implements FindingReviews {
    private final DataSource ds;

    public JdbcFindingReviews(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Set<String> dismissed(String siteUrl) {
        return ids(siteUrl, "dismissed");
    }

    @Override
    public Set<String> confirmed(String siteUrl) {
        return ids(siteUrl, "confirmed");
    }

    private Set<String> ids(String siteUrl, String status) {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT FINDING_ID FROM XJ_REVIEWS WHERE SITE_URL = ? AND STATUS = ?")) {
            s.setString(1, siteUrl);
            s.setString(2, status);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}

package cn.xunjian.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who closes an embedded H2 database: its owner, through {@link Database#shutdown()}; a reader only its pool. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theOwnersShutdownClosesTheEmbeddedDatabaseForEverySessionWhileClosingThePoolLeavesOthersConnected()
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        Database reader = Database.open(url, "sa", "", 2);
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            reader.close();
            assertThat(one(other)).as("a reader closing its pool leaves the database open").isEqualTo(1);

            Database owner = Database.open(url, "sa", "", 2);
            owner.shutdown();

            assertThatThrownBy(() -> one(other)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Database is already closed");
        }
    }

    @Test
    void theShutdownOfAPoolThatReachesH2OverTcpLeavesTheDatabaseOfItsHostRunning() throws Exception {
        String file = dir.resolve("hosted").toString();
        try (Connection host = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            Server tcp = Server.createTcpServer("-tcpPort", "0").start();
            try {
                Database client = Database.open("jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/file:" + file, "sa", "", 2);
                try (Connection c = client.dataSource().getConnection()) {
                    assertThat(one(c)).isEqualTo(1);
                }

                client.shutdown();

                assertThat(one(host)).isEqualTo(1);
            } finally {
                tcp.stop();
            }
        }
    }

    private static int one(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

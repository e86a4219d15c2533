package cn.xunjian.console.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's users ({@code XJ_USERS}, {@code XJ_USER_SITES}) and their API tokens ({@code XJ_API_TOKENS}).
 * Passwords are kept as BCrypt hashes; tokens as SHA-256 hashes, so the database never holds a usable secret.
 */
public final class Users {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.@-]{1,64}");
    private static final Pattern SITE_CODE = Pattern.compile("\\d{10}|bm\\d{8}");

    private final Jdbc db;
    private final SecurityRules rules;
    private final Clock clock;
    private final BCryptPasswordEncoder bcrypt;
    /** Checked against when the name is unknown, so both answers take as long. */
    private final String decoy;

    public Users(DataSource ds, SecurityRules rules, Clock clock) {
        this.db = new Jdbc(ds);
        this.rules = rules;
        this.clock = clock;
        this.bcrypt = new BCryptPasswordEncoder(rules.bcryptStrength());
        this.decoy = bcrypt.encode(Secrets.newToken());
    }

    /** Creates a user. @throws AccountException for a bad name, site code or password, or a name already taken */
    public User add(String name, Role role, Collection<String> sites, String password) {
        checkName(name);
        Set<String> codes = checkSites(role, sites);
        checkPassword(password);
        String hash = bcrypt.encode(password);
        return db.tx(c -> {
            if (find(c, name).isPresent()) {
                throw new AccountException("用户 " + name + " 已存在");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_USERS (NAME, ROLE, PASSWORD_HASH, CREATED_AT, "
                    + "FAILED_LOGINS) VALUES (?, ?, ?, ?, 0)")) {
                s.setString(1, name);
                s.setString(2, role.json());
                s.setString(3, hash);
                s.setObject(4, Jdbc.utc(clock.instant()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_USER_SITES (USER_NAME, SITE_CODE) VALUES (?, ?)")) {
                for (String code : codes) {
                    s.setString(1, name);
                    s.setString(2, code);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new User(name, role, codes);
        });
    }

    /** Sets a new password and unlocks the account. */
    public void setPassword(String name, String password) {
        checkPassword(password);
        String hash = bcrypt.encode(password);
        int n = db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE XJ_USERS SET PASSWORD_HASH = ?, FAILED_LOGINS = 0, "
                    + "LOCKED_UNTIL = NULL WHERE NAME = ?")) {
                s.setString(1, hash);
                s.setString(2, name);
                return s.executeUpdate();
            }
        });
        if (n != 1) {
            throw new AccountException("用户 " + name + " 不存在");
        }
    }

    /** Issues a new API token for the user and returns it; only its hash is stored. */
    public String newToken(String name) {
        String token = Secrets.newToken();
        db.tx(c -> {
            if (find(c, name).isEmpty()) {
                throw new AccountException("用户 " + name + " 不存在");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_API_TOKENS (TOKEN_HASH, USER_NAME, CREATED_AT) "
                    + "VALUES (?, ?, ?)")) {
                s.setString(1, Secrets.hash(token));
                s.setString(2, name);
                s.setObject(3, Jdbc.utc(clock.instant()));
                s.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** The user a bearer token belongs to. */
    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT USER_NAME FROM XJ_API_TOKENS WHERE TOKEN_HASH = ?")) {
                s.setString(1, Secrets.hash(token));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? find(c, rs.getString(1)) : Optional.<User>empty();
                }
            }
        });
    }

    public Optional<User> find(String name) {
        return db.sql(c -> find(c, name));
    }

    /** Every user, by name. */
    public List<User> list() {
        return db.sql(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM XJ_USERS ORDER BY NAME");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            List<User> out = new ArrayList<>();
            for (String n : names) {
                find(c, n).ifPresent(out::add);
            }
            return out;
        });
    }

    public boolean anyAdmin() {
        return list().stream().anyMatch(u -> u.role() == Role.ADMIN);
    }

    /**
     * Checks a password. A locked account is refused without looking at the password; the {@code accountFailures}-th
     * wrong password in a row locks it for {@code lockMinutes}; a right one resets the count.
     */
    public LoginResult login(String name, String password) {
        Instant now = clock.instant();
        return db.tx(c -> {
            String hash = null;
            int failures = 0;
            OffsetDateTime lockedUntil = null;
            try (PreparedStatement s = c.prepareStatement("SELECT PASSWORD_HASH, FAILED_LOGINS, LOCKED_UNTIL FROM XJ_USERS "
                    + "WHERE NAME = ? FOR UPDATE")) {
                s.setString(1, name == null ? "" : name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        hash = rs.getString(1);
                        failures = rs.getInt(2);
                        lockedUntil = rs.getObject(3, OffsetDateTime.class);
                    }
                }
            }
            if (hash == null) {
                bcrypt.matches(password == null ? "" : password, decoy);
                return new LoginResult.Refused();
            }
            if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                return new LoginResult.Locked(lockedUntil.toInstant());
            }
            if (password != null && bcrypt.matches(password, hash)) {
                update(c, name, 0, null);
                return new LoginResult.Accepted(find(c, name).orElseThrow());
            }
            int count = failures + 1;
            if (count >= rules.accountFailures()) {
                Instant until = now.plus(rules.lock());
                update(c, name, 0, until);
                return new LoginResult.Locked(until);
            }
            update(c, name, count, null);
            return new LoginResult.Refused();
        });
    }

    private static void update(Connection c, String name, int failures, Instant lockedUntil) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE XJ_USERS SET FAILED_LOGINS = ?, LOCKED_UNTIL = ? "
                + "WHERE NAME = ?")) {
            s.setInt(1, failures);
            s.setObject(2, lockedUntil == null ? null : Jdbc.utc(lockedUntil));
            s.setString(3, name);
            s.executeUpdate();
        }
    }

    private static Optional<User> find(Connection c, String name) throws SQLException {
        Role role;
        try (PreparedStatement s = c.prepareStatement("SELECT ROLE FROM XJ_USERS WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                role = Role.of(rs.getString(1)).orElseThrow();
            }
        }
        Set<String> sites = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT SITE_CODE FROM XJ_USER_SITES WHERE USER_NAME = ? "
                + "ORDER BY SITE_CODE")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sites.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new User(name, role, sites));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException("用户名应为 1 到 64 个字母、数字或 _ . @ -");
        }
    }

    private static Set<String> checkSites(Role role, Collection<String> sites) {
        Set<String> codes = new LinkedHashSet<>(sites);
        if (role == Role.OPERATOR && codes.isEmpty()) {
            throw new AccountException("网站主办单位（operator）账号至少要用 --site 指定一个网站标识码");
        }
        if (role != Role.OPERATOR && !codes.isEmpty()) {
            throw new AccountException("只有网站主办单位（operator）账号按网站分配，" + role.label() + "可查看全部网站");
        }
        for (String code : codes) {
            if (!SITE_CODE.matcher(code).matches()) {
                throw new AccountException("网站标识码应为10位数字或 bm 加8位数字，实际为 \"" + code + "\"");
            }
        }
        return codes;
    }

    private void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < rules.minPasswordLength()) {
            throw new AccountException("密码至少 " + rules.minPasswordLength() + " 个字符");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // BCrypt reads only the first 72 bytes; a longer password would silently be cut
            throw new AccountException("密码不能超过 72 字节（约 24 个汉字或 72 个字母）");
        }
    }
}

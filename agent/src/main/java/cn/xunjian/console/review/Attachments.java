package cn.xunjian.console.review;

import cn.xunjian.console.account.Jdbc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Uploaded attachments: checked against {@link UploadRules} before anything is written, stored under
 * {@code <data dir>/uploads/} (never below a path the console serves as files) with a name of our choosing, and
 * recorded in {@code XJ_UPLOADS}. A refused upload leaves nothing behind.
 */
public final class Attachments {
    private final Jdbc db;
    private final UploadRules rules;
    private final Path dir;
    private final Clock clock;

    public Attachments(DataSource ds, UploadRules rules, Path dataDir, Clock clock) {
        this.db = new Jdbc(ds);
        this.rules = rules;
        this.dir = dataDir.resolve("uploads");
        this.clock = clock;
    }

    public UploadRules rules() {
        return rules;
    }

    /**
     * Checks and stores one upload.
     *
     * @throws ReviewException (field {@code file}) for an empty, oversized, wrong-type or broken file
     */
    public Attachment store(String findingId, String userName, String fileName, byte[] content) throws IOException {
        String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        if (content.length == 0) {
            throw new ReviewException("file", "上传的文件是空的");
        }
        if (content.length > rules.maxBytes()) {
            throw new ReviewException("file", "文件超过 " + rules.maxBytes() / (1024 * 1024) + " MB 上限，未保存");
        }
        UploadRules.Type type = rules.byName(name).orElseThrow(() ->
                new ReviewException("file", "不支持的文件类型，只接受 " + rules.extensions() + "，未保存"));
        if (!type.starts(content)) {
            throw new ReviewException("file", "文件内容与扩展名 ." + type.extension() + " 不符或文件已损坏，未保存");
        }
        if (list(findingId).size() >= rules.maxPerFinding()) {
            throw new ReviewException("file", "每条问题最多上传 " + rules.maxPerFinding() + " 个附件");
        }
        String sha = sha256(content);
        Instant now = clock.instant();
        String stored = sha + "." + type.extension();
        Path target = dir.resolve(stored);
        Files.createDirectories(dir);
        if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(dir, "upload-", ".part");
            try {
                Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String display = name.length() > 200 ? name.substring(name.length() - 200) : name;
        long id = db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO XJ_UPLOADS (FINDING_ID, USER_NAME, FILE_NAME, "
                    + "STORED_PATH, SHA256, SIZE, CONTENT_TYPE, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, findingId);
                s.setString(2, userName);
                s.setString(3, display);
                s.setString(4, stored);
                s.setString(5, sha);
                s.setLong(6, content.length);
                s.setString(7, type.contentType());
                s.setObject(8, Jdbc.utc(now));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Attachment(id, findingId, userName, display, stored, sha, content.length, type.contentType(), now);
    }

    public List<Attachment> list(String findingId) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, FINDING_ID, USER_NAME, FILE_NAME, STORED_PATH, "
                    + "SHA256, SIZE, CONTENT_TYPE, UPLOADED_AT FROM XJ_UPLOADS WHERE FINDING_ID = ? ORDER BY ID")) {
                s.setString(1, findingId);
                List<Attachment> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                                rs.getObject(9, OffsetDateTime.class).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Attachment> find(long id) {
        return db.sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT FINDING_ID FROM XJ_UPLOADS WHERE ID = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        }).flatMap(f -> list(f).stream().filter(a -> a.id() == id).findFirst());
    }

    /** The stored file of an attachment. */
    public Path file(Attachment a) {
        return dir.resolve(a.storedPath());
    }

    /** Whether the upload directory holds any file (tests: a refused upload stores nothing). */
    public long storedFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

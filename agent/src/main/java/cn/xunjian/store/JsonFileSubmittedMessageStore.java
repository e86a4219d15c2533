package cn.xunjian.store;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SubmittedMessageStore} in one JSON file (an array of messages), for single-machine use until the
 * database store takes over. Thread-safe within one process: every operation reads, changes and atomically
 * replaces the file under a lock. The file is created on the first save.
 */
public final class JsonFileSubmittedMessageStore implements SubmittedMessageStore {
    private static final TypeReference<List<SubmittedMessage>> LIST = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();

    public JsonFileSubmittedMessageStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** {@code $XUNJIAN_HOME/data/submitted-messages.json}, or {@code data/submitted-messages.json} without it. */
    public static JsonFileSubmittedMessageStore standard() {
        String home = System.getenv("XUNJIAN_HOME");
        Path base = home == null || home.isBlank() ? Path.of("data") : Path.of(home, "data");
        return new JsonFileSubmittedMessageStore(base.resolve("submitted-messages.json"));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void save(SubmittedMessage message) {
        List<SubmittedMessage> all = read();
        all.add(message);
        write(all);
    }

    @Override
    public synchronized List<SubmittedMessage> unanswered() {
        return read().stream().filter(m -> m.answeredAt() == null)
                .sorted(Comparator.comparing(SubmittedMessage::submittedAt)).toList();
    }

    /** Every message, answered or not, in the order saved. */
    public synchronized List<SubmittedMessage> all() {
        return List.copyOf(read());
    }

    @Override
    public synchronized void markAnswered(String siteUrl, String queryCode, String answeredAt) {
        List<SubmittedMessage> all = read();
        boolean changed = false;
        for (int i = 0; i < all.size(); i++) {
            SubmittedMessage m = all.get(i);
            if (m.siteUrl().equals(siteUrl) && m.queryCode().equals(queryCode) && m.answeredAt() == null) {
                all.set(i, new SubmittedMessage(m.siteUrl(), m.formUrl(), m.queryCode(), m.subject(),
                        m.submittedAt(), answeredAt));
                changed = true;
            }
        }
        if (changed) {
            write(all);
        }
    }

    private List<SubmittedMessage> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(mapper.readValue(file.toFile(), LIST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read submitted messages from " + file, e);
        }
    }

    private void write(List<SubmittedMessage> all) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "submitted-", ".json");
            mapper.writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write submitted messages to " + file, e);
        }
    }
}

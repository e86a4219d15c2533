package cn.xunjian.schedule;

import cn.xunjian.store.jdbc.JdbcResultStore;
import cn.xunjian.store.jdbc.RunStatus;
import cn.xunjian.store.jdbc.StoredRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps run directories on disk in step with the database: a directory stays only while its run is running or
 * completed; directories of interrupted, deleted or unknown runs are removed.
 */
final class EvidenceDirs {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceDirs.class);

    private EvidenceDirs() {
    }

    /** Removes a directory tree; a missing one is fine. */
    public static void remove(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /** Removes every directory under {@code runsDir} whose run is neither running nor completed; returns them. */
    public static List<Path> reconcile(Path runsDir, JdbcResultStore store) {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<Path> removed;
        try (Stream<Path> dirs = Files.list(runsDir)) {
            removed = dirs.filter(Files::isDirectory).filter(d -> {
                Optional<StoredRun> run = store.run(d.getFileName().toString());
                return run.isEmpty() || run.get().status() == RunStatus.INTERRUPTED;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path d : removed) {
            LOG.info("removing evidence directory {}: its run is interrupted or unknown to the database", d);
            remove(d);
        }
        return removed;
    }
}

package cn.xunjian.testing;

import cn.xunjian.model.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back what a check stored as evidence, for tests that assert on its content. */
public final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /** The UTF-8 text of {@code evidence}, whose path is relative to the evidence store's folder {@code dir}. */
    public static String read(Path dir, Evidence evidence) {
        try {
            return Files.readString(dir.resolve(evidence.path()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

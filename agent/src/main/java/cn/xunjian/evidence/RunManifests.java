package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a manifest of a run for the verification steps; a manifest that does not parse is a problem they name. */
final class RunManifests {
    /** The entry type of a manifest listed in another (the evidence manifest in manifest.json). */
    static final String MANIFEST_TYPE = "manifest";

    private RunManifests() {
    }

    static Optional<Manifest> read(Path runDir, String rel, List<VerificationStep.Problem> problems) {
        Path file = runDir.resolve(rel);
        if (!Files.isRegularFile(file)) {
            problems.add(new VerificationStep.Problem(rel, "清单 " + rel + " 缺失"));
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), Manifest.class));
        } catch (IOException e) {
            problems.add(new VerificationStep.Problem(rel, "清单 " + rel + " 已损坏，无法解析（" + firstLine(e) + "）"));
            return Optional.empty();
        }
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

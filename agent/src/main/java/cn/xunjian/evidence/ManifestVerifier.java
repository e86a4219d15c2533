package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Re-hashes a run's files against its manifest.json. */
public final class ManifestVerifier {

    /** What changed since capture; empty lists mean the evidence is intact. */
    public record Result(int checked, List<String> changed, List<String> missing) {
        public boolean intact() {
            return changed.isEmpty() && missing.isEmpty();
        }
    }

    /**
     * @throws IOException when the manifest itself cannot be read or parsed
     */
    public Result verify(Path runDir) throws IOException {
        Path manifestFile = runDir.resolve(EvidenceStore.MANIFEST);
        Manifest manifest = Json.mapper().readValue(manifestFile.toFile(), Manifest.class);
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ManifestEntry e : manifest.files()) {
            Path file = runDir.resolve(e.path()).normalize();
            if (!file.startsWith(runDir.normalize()) || !Files.isRegularFile(file)) {
                missing.add(e.path());
            } else if (!Sha256.of(file).equals(e.sha256())) {
                changed.add(e.path());
            }
        }
        return new Result(manifest.files().size(), changed, missing);
    }
}

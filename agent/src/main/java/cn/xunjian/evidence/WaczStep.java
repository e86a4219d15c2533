package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify}'s check of every web archive the run lists: its structure and its own digests ({@link WaczVerifier}).
 * An archive missing from disk is left to the file hashes, which name it.
 */
final class WaczStep implements VerificationStep {
    @Override
    public String title() {
        return "网页存档（WACZ）结构与内部摘要";
    }

    @Override
    public Report check(Path runDir) {
        List<String> facts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = Json.mapper().readValue(runDir.resolve(EvidenceStore.MANIFEST).toFile(), Manifest.class);
        } catch (IOException e) {
            return new Report(title(), List.of(), List.of(new Problem(EvidenceStore.MANIFEST,
                    "无法读取，网页存档未能核验（" + e.getMessage() + "）")));
        }
        WaczVerifier verifier = new WaczVerifier();
        for (ManifestEntry e : manifest.files()) {
            Path file = runDir.resolve(e.path()).normalize();
            if (!WebArchive.TYPE.equals(e.type()) || !file.startsWith(runDir.normalize()) || !Files.isRegularFile(file)) {
                continue;
            }
            List<String> found = verifier.verify(file, e.path());
            found.forEach(p -> problems.add(new Problem(e.path(), p)));
            facts.add(e.path() + (found.isEmpty() ? "：结构与内部摘要完好" : "：" + found.size() + " 处问题"));
        }
        if (facts.isEmpty()) {
            facts.add("本次巡检没有网页存档");
        }
        return new Report(title(), facts, problems);
    }
}

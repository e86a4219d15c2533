package cn.xunjian.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Re-hashes every file a manifest lists: a changed byte or a missing file is named by its path. */
final class FileHashesStep implements VerificationStep {
    private final String manifest;

    FileHashesStep(String manifest) {
        this.manifest = manifest;
    }

    @Override
    public String title() {
        return "文件哈希（" + manifest + "）";
    }

    @Override
    public Report check(Path runDir) {
        List<Problem> problems = new ArrayList<>();
        Optional<Manifest> read = RunManifests.read(runDir, manifest, problems);
        if (read.isEmpty()) {
            return new Report(title(), List.of(), problems);
        }
        Path root = runDir.toAbsolutePath().normalize();
        for (ManifestEntry e : read.get().files()) {
            Path file = root.resolve(e.path()).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                problems.add(new Problem(e.path(), "已缺失：" + e.path() + "（" + manifest + " 中有记录）"));
                continue;
            }
            try {
                String now = Sha256.of(file);
                if (!now.equals(e.sha256())) {
                    problems.add(new Problem(e.path(), "已改动：" + e.path() + "（SHA-256 为 " + now + "，"
                            + manifest + " 中记录的是 " + e.sha256() + "）"));
                }
            } catch (IOException ex) {
                problems.add(new Problem(e.path(), "无法读取：" + e.path() + "（" + ex.getMessage() + "）"));
            }
        }
        return new Report(title(), List.of(read.get().files().size() + " 个文件"), problems);
    }
}

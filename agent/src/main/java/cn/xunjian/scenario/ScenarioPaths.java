package cn.xunjian.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the scenario paths a site file lists are looked for: absolute paths as they are; relative ones first in
 * the site file's folder, then in {@code $XUNJIAN_HOME/scenarios/}, then in {@code ./scenarios/} (so
 * {@code library/consultation.json} finds the shipped library).
 */
final class ScenarioPaths {
    private final List<Path> bases;

    public ScenarioPaths(List<Path> bases) {
        this.bases = List.copyOf(bases);
    }

    /** The standard search folders, after {@code siteFileFolder} when it is not null. */
    public static ScenarioPaths standard(Path siteFileFolder) {
        List<Path> bases = new ArrayList<>();
        if (siteFileFolder != null) {
            bases.add(siteFileFolder);
        }
        String home = System.getenv("XUNJIAN_HOME");
        if (home != null && !home.isBlank()) {
            bases.add(Path.of(home, "scenarios"));
        }
        bases.add(Path.of("scenarios"));
        return new ScenarioPaths(bases);
    }

    public List<Path> bases() {
        return bases;
    }

    /** The file {@code ref} names, if it exists in one of the folders. */
    public Optional<Path> resolve(String ref) {
        Path p = Path.of(ref);
        if (p.isAbsolute()) {
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path base : bases) {
            Path candidate = base.resolve(p).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package cn.xunjian.recheck;

import cn.xunjian.model.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * What one re-check came to.
 *
 * @param outcome present, gone or undetermined
 * @param reason a Chinese sentence saying why (what was found again, or why the check could not run)
 * @param evidenceDir the re-check's own directory, {@code <run>/rechecks/<findingId>/<UTC time>/}, with its
 *     evidence, {@code recheck.json} and {@code manifest.json}
 * @param freshFindings every finding the check made in the re-check, with ids; empty when it could not run
 */
public record RecheckResult(Outcome outcome, String reason, Path evidenceDir, List<Finding> freshFindings) {
    public RecheckResult {
        freshFindings = List.copyOf(freshFindings);
    }
}

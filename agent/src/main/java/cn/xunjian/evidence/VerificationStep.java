package cn.xunjian.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * One thing {@code verify} checks in a run directory, offline. Steps are independent and each names what it found
 * wrong, so a new kind of evidence (a web archive's digests) is one more step.
 */
public interface VerificationStep {
    /** What the step checks, in Chinese, as the 证据核验结果 lists it. */
    String title();

    Report check(Path runDir);

    /** A step's findings: facts for the reader (who signed, when), and problems, each naming the file at fault. */
    record Report(String title, List<String> facts, List<Problem> problems) {
        public Report {
            facts = List.copyOf(facts);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param file    the file at fault, relative to the run directory (or absolute, for the local key)
     * @param message what is wrong with it, in Chinese
     */
    record Problem(String file, String message) {
    }
}

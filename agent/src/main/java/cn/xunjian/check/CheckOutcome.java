package cn.xunjian.check;

import cn.xunjian.model.Finding;

import java.util.List;

/** What running one check came to. */
public sealed interface CheckOutcome {
    String check();

    /** The findings that go into the report. */
    List<Finding> findings();

    record Passed(String check) implements CheckOutcome {
        @Override
        public List<Finding> findings() {
            return List.of();
        }
    }

    record Failed(String check, List<Finding> findings) implements CheckOutcome {
        public Failed {
            findings = List.copyOf(findings);
        }
    }

    /** The check threw; the error becomes an informational finding so the reader knows it did not complete. */
    record Errored(String check, Finding finding) implements CheckOutcome {
        @Override
        public List<Finding> findings() {
            return List.of(finding);
        }
    }
}

package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * Where one site's audit spent its time, as report.json lists it under {@code timings}: the whole audit and each
 * phase in the order it first ran. Phases nest: the OCR and QR time is spent inside the checks that read images, the
 * renders inside the checks and the crawl that asked for them, so the phases do not add up to the total.
 *
 * @param totalMillis the site's audit from its first probe to its web archive
 * @param phases each phase once, with the time of all its runs on the site and how many runs there were
 */
@JsonPropertyOrder({"totalMillis", "phases"})
public record Timings(long totalMillis, List<Phase> phases) {
    /** No timings: a site report read back from a store, or built in a test. */
    public static final Timings NONE = new Timings(0, List.of());

    public Timings {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** Jackson's filter that leaves {@link #NONE} out of a report: it is "equal" to what should not be written. */
    public static final class NoneFilter {
        @Override
        public boolean equals(Object value) {
            return value == null || NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * @param phase probe, render, check, crawl, archive, ocr or qr
     * @param check the check's name for a check phase, else null
     * @param millis the time of all runs of the phase on the site
     * @param count how many runs (renders, images read, checks run)
     */
    @JsonPropertyOrder({"phase", "check", "millis", "count"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phase(String phase, String check, long millis, int count) {
        public Phase {
            Objects.requireNonNull(phase, "phase");
        }
    }
}

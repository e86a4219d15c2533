package cn.xunjian.history;

import cn.xunjian.model.ProbeRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the capture time of stored probes ({@link ProbeRecord#at()}, ISO-8601 with offset). */
public final class ProbeTimes {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeTimes.class);

    private ProbeTimes() {
    }

    /** The probe's instant, or empty (logged) when its time cannot be read; such a probe is left out. */
    public static Optional<Instant> instant(ProbeRecord probe) {
        try {
            return Optional.of(OffsetDateTime.parse(probe.at()).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            LOG.warn("probe of {} has an unreadable time '{}'; left out", probe.url(), probe.at());
            return Optional.empty();
        }
    }

    /** A probe counts as failed when it did not succeed or took longer than the W-V2 timeout. */
    public static boolean failed(ProbeRecord probe, int timeoutSeconds) {
        return !probe.ok() || probe.millis() > timeoutSeconds * 1000L;
    }
}

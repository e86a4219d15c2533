package cn.xunjian.history;

import cn.xunjian.model.ProbeRecord;
import cn.xunjian.internal.ShanghaiTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds weeks of probe records for tests. */
final class Probes {
    static final String URL = "http://127.0.0.1:8080/";
    /** Sunday 22 November 2026, 10:00 in Shanghai: the judged week is 15–21 November. */
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, ShanghaiTime.ZONE).toInstant(),
            ShanghaiTime.ZONE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private Probes() {
    }

    static ProbeRecord ok(ZonedDateTime at, long millis) {
        return new ProbeRecord("http", URL, 200, millis, true, "", at.format(ISO));
    }

    static ProbeRecord failed(ZonedDateTime at) {
        return new ProbeRecord("http", URL, 0, 15000, false, "超过15秒未响应", at.format(ISO));
    }

    /** {@code perDay} probes spread over each day from {@code from}, all successful. */
    static List<ProbeRecord> days(LocalDate from, int count, int perDay) {
        List<ProbeRecord> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            ZonedDateTime start = from.plusDays(d).atStartOfDay(ShanghaiTime.ZONE);
            for (int i = 0; i < perDay; i++) {
                out.add(ok(start.plusMinutes(30 + i * (1380L / perDay)), 300 + i));
            }
        }
        return out;
    }

    /** Replaces the first {@code n} probes of each listed index with failures at the same time. */
    static List<ProbeRecord> failFirst(List<ProbeRecord> probes, int n) {
        List<ProbeRecord> out = new ArrayList<>(probes);
        for (int i = 0; i < n; i++) {
            ProbeRecord p = out.get(i);
            out.set(i, new ProbeRecord("http", p.url(), 0, 15000, false, "超过15秒未响应", p.at()));
        }
        return out;
    }
}

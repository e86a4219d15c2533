package cn.xunjian.scenario.interact;

import cn.xunjian.internal.RuleFiles;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chinese working days: weekends and public holidays off, 调休 weekend days on, from {@code holidays.json} (the
 * State Council's yearly notices). Years the file does not include fall back to weekends only, with a warning.
 */
public final class WorkingDayCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /** One year of the file. */
    public record Year(String status, String notice, List<String> holidays, List<String> workdays) {
    }

    /** The file's shape. */
    public record Data(String source, String included, Map<String, Year> years) {
    }

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final Map<Integer, String> status = new TreeMap<>();
    private final Set<Integer> warned = new HashSet<>();

    public WorkingDayCalendar(Data data) {
        for (var e : data.years().entrySet()) {
            status.put(Integer.parseInt(e.getKey()), e.getValue().status());
            e.getValue().holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
            e.getValue().workdays().forEach(d -> workdays.add(LocalDate.parse(d)));
        }
    }

    public static WorkingDayCalendar standard() {
        return new WorkingDayCalendar(RuleFiles.load(WorkingDayCalendar.class, "holidays.json", Data.class));
    }

    /** The years included and their status ({@code official} or {@code provisional}). */
    public Map<Integer, String> years() {
        return Map.copyOf(status);
    }

    public synchronized boolean isWorkingDay(LocalDate day) {
        if (!status.containsKey(day.getYear()) && warned.add(day.getYear())) {
            LOG.warn("holiday calendar has no data for {}: counting weekends only", day.getYear());
        }
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}

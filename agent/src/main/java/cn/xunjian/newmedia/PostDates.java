package cn.xunjian.newmedia;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds publication dates in text: 2026-11-03, 2026年11月3日, 2026/11/03, and year-less 11-03 or 11月3日 (read as
 * the latest such day not after today). Dates beyond today plus a tolerance are dropped.
 */
final class PostDates {
    private final List<Pattern> patterns;
    private final LocalDate today;
    private final int futureTolerance;

    PostDates(NewMediaRules rules, LocalDate today) {
        this.patterns = rules.compiledDatePatterns();
        this.today = today;
        this.futureTolerance = rules.futureToleranceDays();
    }

    /** Every plausible date in {@code text}, in the order the patterns found them; full dates win over partial. */
    List<LocalDate> find(String text) {
        List<LocalDate> out = new ArrayList<>();
        String rest = text;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(rest);
            StringBuilder blanked = new StringBuilder();
            while (m.find()) {
                date(m).filter(d -> !d.isAfter(today.plusDays(futureTolerance))).ifPresent(out::add);
                m.appendReplacement(blanked, " ".repeat(m.group().length()));
            }
            m.appendTail(blanked);
            rest = blanked.toString(); // a full date must not be read again as a year-less one
        }
        return out;
    }

    private java.util.Optional<LocalDate> date(Matcher m) {
        try {
            int month = Integer.parseInt(m.group("m"));
            int day = Integer.parseInt(m.group("d"));
            String y = group(m, "y");
            if (y != null) {
                return java.util.Optional.of(LocalDate.of(Integer.parseInt(y), month, day));
            }
            LocalDate guess = LocalDate.of(today.getYear(), month, day);
            return java.util.Optional.of(guess.isAfter(today.plusDays(futureTolerance)) ? guess.minusYears(1) : guess);
        } catch (DateTimeException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }
}

package cn.xunjian.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves date placeholders in demo pages so the demo does not age: {@code {{date:-3}}} becomes the date three
 * days before today ({@code yyyy-MM-dd}), {@code {{date:-3:yyyy年M月d日}}} the same in the given pattern.
 */
final class DemoDates {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{date:(-?\\d+)(?::([^}]+))?}}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final Clock clock;

    DemoDates(Clock clock) {
        this.clock = clock;
    }

    String resolve(String text) {
        if (!text.contains("{{date:")) {
            return text;
        }
        LocalDate today = LocalDate.now(clock);
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            LocalDate date = today.plusDays(Long.parseLong(m.group(1)));
            DateTimeFormatter format = m.group(2) == null ? ISO : DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(format.format(date)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package cn.xunjian.column;

import cn.xunjian.internal.ShanghaiTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads publication dates the way government sites write them: {@code 2026-11-03}, {@code 2026年11月3日},
 * {@code 2026/11/03}, {@code 2026.11.03}, {@code 20261103}, a year-less {@code [11-03]} in lists, and in URLs
 * {@code t20261103_…}, {@code /2026/1103/}, {@code /202611/03/}. Dates after tomorrow or before the rules'
 * minimum year are not dates (ID numbers, typos, counters) and are ignored.
 */
final class DateExtractor {
    private static final Pattern FULL = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})(?:\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})|\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?)(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})(\\d{2})(\\d{2})(?![\\d.])");
    private static final Pattern SHORT = Pattern.compile("(?<![\\d./-])(\\d{1,2})(?:-|/|月)(\\d{1,2})日?(?![\\d./-])");
    private static final List<Pattern> URL_FORMS = List.of(
            Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(\\d{2})(\\d{2})(?!\\d)"),          // t20261103_, /20261103/
            Pattern.compile("/((?:19|20)\\d{2})/(\\d{2})(\\d{2})(?=[/_.\\-])"),            // /2026/1103/, /2026/1103-1.html
            Pattern.compile("/((?:19|20)\\d{2})(\\d{2})/(\\d{2})(?=[/_.\\-])"),            // /202611/03/
            Pattern.compile("/((?:19|20)\\d{2})[-/](\\d{1,2})[-/](\\d{1,2})(?=[/_.\\-])")); // /2026/11/03/, /2026-11-03/

    private final ColumnRules rules;
    private final Clock clock;

    public DateExtractor(ColumnRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Today in Asia/Shanghai by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
    }

    /** Every plausible full date (with a year) in {@code text}, in order of appearance. */
    public List<LocalDate> fullDates(String text) {
        List<LocalDate> out = new ArrayList<>();
        Matcher m = FULL.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
            int d = Integer.parseInt(m.group(4) != null ? m.group(4) : m.group(6));
            of(y, mo, d).ifPresent(out::add);
        }
        Matcher c = COMPACT.matcher(text);
        while (c.find()) {
            of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * The date of a list item's text (the part outside its title link): a full date, else a year-less
     * {@code 11-03} / {@code [11-03]} / {@code 11月3日} whose year is this year, or last year when that would put it
     * after tomorrow.
     */
    public Optional<LocalDate> fromListText(String text) {
        List<LocalDate> full = fullDates(text);
        if (!full.isEmpty()) {
            return Optional.of(full.get(0));
        }
        Matcher m = SHORT.matcher(text);
        while (m.find()) {
            int mo = Integer.parseInt(m.group(1));
            int d = Integer.parseInt(m.group(2));
            LocalDate today = today();
            Optional<LocalDate> thisYear = valid(today.getYear(), mo, d);
            if (thisYear.isEmpty()) {
                continue;
            }
            LocalDate date = thisYear.get();
            if (date.isAfter(today.plusDays(rules.futureToleranceDays()))) {
                date = valid(today.getYear() - 1, mo, d).orElse(null);
            }
            if (date != null && plausible(date)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** The date written into a URL's path by the site's CMS, e.g. {@code /2026/1103/} or {@code t20261103_123.html}. */
    public Optional<LocalDate> fromUrl(String url) {
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        for (Pattern p : URL_FORMS) {
            Matcher m = p.matcher(path);
            while (m.find()) {
                Optional<LocalDate> d = of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The publication date of a detail (article) page: a {@code PubDate}-like meta tag, else the date after a
     * label such as {@code 发布时间：}.
     */
    public Optional<LocalDate> fromDetailPage(String html) {
        Document doc = Jsoup.parse(html);
        for (String name : rules.detailMeta()) {
            for (Element meta : doc.select("meta")) {
                String key = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
                if (key.equalsIgnoreCase(name)) {
                    List<LocalDate> dates = fullDates(meta.attr("content"));
                    if (!dates.isEmpty()) {
                        return Optional.of(dates.get(0));
                    }
                }
            }
        }
        String text = doc.body() == null ? "" : doc.body().text();
        for (String label : rules.detailLabels()) {
            Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*[:：]\\s*(.{0,24})").matcher(text);
            while (m.find()) {
                List<LocalDate> dates = fullDates(m.group(1));
                if (!dates.isEmpty()) {
                    return Optional.of(dates.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** A real calendar date, not before the minimum year and not after tomorrow. */
    public boolean plausible(LocalDate date) {
        return date.getYear() >= rules.minYear() && !date.isAfter(today().plusDays(rules.futureToleranceDays()));
    }

    private Optional<LocalDate> of(int y, int m, int d) {
        return valid(y, m, d).filter(this::plausible);
    }

    private static Optional<LocalDate> valid(int y, int m, int d) {
        try {
            return Optional.of(LocalDate.of(y, m, d));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

}

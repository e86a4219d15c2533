package cn.xunjian.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a text gives the documents it reproduces or quotes, so that a name which was right when a document was
 * issued is not reported as outdated on a later page that reproduces or cites it:
 * <ul>
 *   <li>the promulgation note of a reproduced regulation, {@code （2021年4月28日…令2021年第3号公布 自2021年7月1日起施行）}:
 *       its latest date (an amendment's, when there is one) dates the whole text;</li>
 *   <li>the text's own document number, {@code 银保监罚决字〔2022〕3号}, standing on a line of its own (or after a label
 *       such as {@code 发文字号：}) as the heading of a decision or a red-head document does: when the text has exactly
 *       one such number, its year dates the text (a list of documents has several and is dated by none);</li>
 *   <li>years in a sentence, written {@code 2022年} or as document numbers write them, {@code 〔2022〕}, {@code [2022]},
 *       {@code （2022）}: they date what the sentence quotes, e.g. a title followed by its number.</li>
 * </ul>
 */
final class DocumentDates {
    private static final String YEAR = "((?:19|20)\\d{2})";
    /** A year as dates write it (2022年, 2022-, 2022/, 2022.) or as document numbers bracket it. */
    private static final Pattern SENTENCE_YEAR = Pattern.compile(YEAR + "\\s*(?:年|-|/|\\.)|[〔［\\[(（]\\s*"
            + YEAR + "\\s*[〕］\\])）]");
    private static final Pattern DATE = Pattern.compile(YEAR + "\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    /** 银保监发〔2022〕5号, 银保监罚决字[2022]3号, 中国人民银行令〔2022〕第4号, 国家金融监督管理总局令2023年第2号. */
    private static final Pattern NUMBER = Pattern.compile("[\\p{IsHan}]{1,24}\\s*(?:[〔［\\[]\\s*" + YEAR
            + "\\s*[〕］\\]]|令\\s*" + YEAR + "\\s*年)\\s*第?\\s*\\d{1,4}\\s*号");

    private final WordingRules.History history;
    private final Pattern labelled;

    DocumentDates(WordingRules.History history) {
        this.history = history;
        this.labelled = Pattern.compile("^(?:(?:" + String.join("|", history.documentNumberLabels().stream()
                .map(Pattern::quote).toList()) + ")\\s*[:：]?\\s*)?[（(]?\\s*(" + NUMBER.pattern()
                + ")\\s*[）)]?$");
    }

    /**
     * The date of the document {@code text} reproduces: the latest date of its promulgation note, else the last
     * day of the year of its one standalone document number; empty when it states neither.
     */
    Optional<LocalDate> documentDate(String text) {
        Optional<LocalDate> promulgated = Optional.empty();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (promulgated.isEmpty() && promulgationNote(l)) {
                promulgated = latestDate(l);
            }
            Matcher m = labelled.matcher(l);
            if (m.matches()) {
                numbers.put(m.group(1).replaceAll("\\s", ""), year(m.group(2), m.group(3)));
            }
        }
        if (promulgated.isPresent()) {
            return promulgated;
        }
        if (numbers.size() == 1) {
            return Optional.of(LocalDate.of(numbers.values().iterator().next(), 12, 31));
        }
        return Optional.empty();
    }

    /** The earliest year named in {@code sentence}, as a date or a document number writes it. */
    static OptionalInt earliestYear(String sentence) {
        Matcher m = SENTENCE_YEAR.matcher(sentence);
        int earliest = Integer.MAX_VALUE;
        while (m.find()) {
            earliest = Math.min(earliest, year(m.group(1), m.group(2)));
        }
        return earliest == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(earliest);
    }

    /** A parenthesised line with a full date and a verb of issuing: 公布, 发布, 印发, 通过, 修正… */
    private boolean promulgationNote(String line) {
        if (line.length() < 4 || "(（".indexOf(line.charAt(0)) < 0 || ")）".indexOf(line.charAt(line.length() - 1)) < 0) {
            return false;
        }
        return DATE.matcher(line).find() && history.promulgationVerbs().stream().anyMatch(line::contains);
    }

    private static Optional<LocalDate> latestDate(String line) {
        Matcher m = DATE.matcher(line);
        LocalDate latest = null;
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                latest = latest == null || d.isAfter(latest) ? d : latest;
            } catch (DateTimeException e) {
                // a date that does not exist dates nothing
            }
        }
        return Optional.ofNullable(latest);
    }

    private static int year(String a, String b) {
        return Integer.parseInt(a != null ? a : b);
    }
}

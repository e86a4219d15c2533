package cn.xunjian.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds resident ID numbers (GB 11643 checksum and a plausible birth date), mainland mobile numbers and bank
 * card numbers (Luhn) in normalised page text. Numbers right after registration labels (ICP备, 公网安备,
 * 网站标识码…) are not personal data; landlines (0xxx-xxxxxxx) never match; nor does the visible part of a masked
 * number ({@code 189****9580}, {@code 6217 0000 1234 5678 ***}): digits that touch a mask character, or stand one
 * separator away from one, belong to a number someone already masked.
 */
final class PersonalDataScanner {
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{4}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?)(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z+])(?:(?:\\+|00)?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9A-Za-z])");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private final PrivacyRules rules;

    public PersonalDataScanner(PrivacyRules rules) {
        this.rules = rules;
    }

    /** Every piece of personal data in {@code text}, in text order; {@code today} bounds birth dates. */
    public List<PersonalData> scan(String text, LocalDate today) {
        List<PersonalData> found = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            String id = m.group(1).toUpperCase(java.util.Locale.ROOT);
            if (validId(id, today) && !excluded(text, m.start()) && !masked(text, m.start(), m.end())) {
                found.add(new PersonalData(PersonalData.Type.ID_NUMBER, m.start(), m.end(), m.group(1), mask(id)));
            }
        }
        m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (digits.length() >= 16 && digits.length() <= 19 && free(found, m.start(), m.end()) && luhn(digits)
                    && (prefixed(digits) || near(text, m.start(), rules.bankCardKeywords()))
                    && !excluded(text, m.start()) && !masked(text, m.start(), m.end())) {
                found.add(new PersonalData(PersonalData.Type.BANK_CARD, m.start(), m.end(), m.group(1),
                        mask(digits)));
            }
        }
        m = MOBILE.matcher(text);
        while (m.find()) {
            if (free(found, m.start(), m.end()) && !excluded(text, m.start()) && !masked(text, m.start(), m.end())) {
                String digits = m.group(1) + m.group(2) + m.group(3);
                String masked = digits.substring(0, rules.mobileKeepHead())
                        + "*".repeat(11 - rules.mobileKeepHead() - rules.mobileKeepTail())
                        + digits.substring(11 - rules.mobileKeepTail());
                found.add(new PersonalData(PersonalData.Type.MOBILE, m.start(), m.end(), m.group(), masked));
            }
        }
        found.sort(Comparator.comparingInt(PersonalData::start));
        return found;
    }

    /** {@code text} with every piece of personal data found in it replaced by its masked form. */
    public String masked(String text, LocalDate today) {
        StringBuilder out = new StringBuilder(text);
        List<PersonalData> all = scan(text, today);
        for (int i = all.size() - 1; i >= 0; i--) {
            PersonalData d = all.get(i);
            out.replace(d.start(), d.end(), d.masked());
        }
        return out.toString();
    }

    boolean validId(String id, LocalDate today) {
        if (!rules.provinceCodes().contains(id.substring(0, 2))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK.charAt(sum % 11) != id.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return birth.getYear() >= rules.minBirthYear() && !birth.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private boolean prefixed(String digits) {
        return rules.bankCardPrefixes().stream().anyMatch(digits::startsWith);
    }

    /**
     * Whether the number at {@code [start, end)} is the visible part of a masked one: a mask character right before
     * or after it, or one separator (space or dash, as grouped card numbers are written) away.
     */
    private boolean masked(String text, int start, int end) {
        return maskAt(text, start - 1) || separator(text, start - 1) && maskAt(text, start - 2)
                || maskAt(text, end) || separator(text, end) && maskAt(text, end + 1);
    }

    private boolean maskAt(String text, int i) {
        return i >= 0 && i < text.length() && rules.maskCharacters().indexOf(text.charAt(i)) >= 0;
    }

    private static boolean separator(String text, int i) {
        return i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-');
    }

    private boolean excluded(String text, int start) {
        return near(text, start, rules.excludedContexts());
    }

    /** Whether one of {@code words} stands within the context window before {@code start}, on the same line. */
    private boolean near(String text, int start, List<String> words) {
        int from = Math.max(0, start - rules.contextChars());
        int line = text.lastIndexOf('\n', start - 1);
        String before = text.substring(Math.max(from, line + 1), start);
        return words.stream().anyMatch(before::contains);
    }

    private static boolean free(List<PersonalData> found, int start, int end) {
        return found.stream().noneMatch(d -> start < d.end() && d.start() < end);
    }

    private String mask(String digits) {
        int head = rules.keepHead();
        int tail = rules.keepTail();
        return digits.substring(0, head) + "*".repeat(digits.length() - head - tail)
                + digits.substring(digits.length() - tail);
    }
}

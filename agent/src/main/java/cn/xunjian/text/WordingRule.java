package cn.xunjian.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code wording-rules.json}: a wrong form (and variants) and its correction.
 *
 * @param id stable identifier, cited in findings' logs and tests
 * @param kind what sort of error it is
 * @param severity {@code serious} (W-V1, a veto) or {@code ordinary} (W-D5, a deduction); defaults by kind
 * @param wrong the wrong form as written on pages
 * @param variants further wrong forms with the same correction (punctuation or quote variants)
 * @param right the correct form; text containing it never fires this or any other rule inside it
 * @param changed ({@code yyyy-MM-dd}) for names and formulations that were correct before: the day they changed; mentions in articles
 *                published before it, or in a sentence that names an earlier year or marks history, do not fire
 * @param exceptions literal contexts that contain the wrong form but are correct (e.g. 党史教育基地)
 * @param source where the rule comes from
 */
record WordingRule(String id, Kind kind, Level severity, String wrong, List<String> variants, String right,
                          String changed, List<String> exceptions, String source) {

    /** The sort of wording error; the JSON values are the suffixes of the findings' kinds. */
    public enum Kind {
        serious, typo, outdated_name, formulation;

        /** The finding kind, e.g. {@code wording.outdated-name}. */
        public String findingKind() {
            return "wording." + name().replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        static Kind parse(String value) {
            return Kind.valueOf(value.replace('-', '_'));
        }
    }

    /** How heavy the error weighs. */
    public enum Level {
        serious, ordinary
    }

    public WordingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind of " + id);
        Objects.requireNonNull(wrong, "wrong of " + id);
        Objects.requireNonNull(right, "right of " + id);
        severity = severity != null ? severity
                : kind == Kind.serious || kind == Kind.formulation ? Level.serious : Level.ordinary;
        variants = variants == null ? List.of() : List.copyOf(variants);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        source = source == null ? "" : source;
        if (changed != null) {
            LocalDate.parse(changed);
        }
    }

    /** The day the wrong form stopped being right, when it once was. */
    public Optional<LocalDate> changedOn() {
        return Optional.ofNullable(changed).map(LocalDate::parse);
    }

    /** The wrong form and its variants, normalised as page text is. */
    public List<String> wrongForms() {
        List<String> all = new ArrayList<>();
        all.add(PageText.normalise(wrong));
        variants.forEach(v -> all.add(PageText.normalise(v)));
        return all;
    }

    public boolean serious() {
        return severity == Level.serious;
    }

    /** W-V1 for serious errors, W-D5 for ordinary ones. */
    public String indicator() {
        return serious() ? "W-V1" : "W-D5";
    }
}

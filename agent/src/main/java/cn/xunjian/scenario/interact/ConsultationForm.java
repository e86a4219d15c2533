package cn.xunjian.scenario.interact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The consultation form found in a {@link FormProbe}: its content field, subject field, submit button, the other
 * fields to fill, and the reasons to think it has a captcha.
 *
 * @param content the 内容 field (a textarea as a rule); null when there is none
 * @param subject the 标题 field, null when the form has none
 * @param submit the submit button, null when none is found
 */
record ConsultationForm(FormProbe.Field content, FormProbe.Field subject, FormProbe.Field submit,
                               List<FormProbe.Field> others, List<String> captcha) {
    public ConsultationForm {
        others = List.copyOf(others);
        captcha = List.copyOf(captcha);
    }

    public boolean found() {
        return content != null;
    }

    /** Reads the form out of a probe. */
    public static ConsultationForm of(FormProbe probe, ConsultationRules rules) {
        List<FormProbe.Field> fields = probe.fields();
        List<String> captcha = captcha(probe, rules);
        FormProbe.Field content = first(fields, f -> f.tag().equals("textarea") && f.visible()
                && ConsultationRules.containsAny(f.own() + " " + f.label(), rules.contentHints()))
                .or(() -> first(fields, f -> f.tag().equals("textarea") && f.visible()))
                .or(() -> first(fields, f -> f.tag().equals("textarea")))
                .or(() -> first(fields, f -> f.textLike() && ConsultationRules.containsAny(f.own(), rules.contentHints())))
                .orElse(null);
        FormProbe.Field subject = first(fields, f -> f != content && f.tag().equals("input") && f.textLike()
                && ConsultationRules.containsAny(f.own(), rules.subjectHints()))
                .or(() -> first(fields, f -> f != content && f.tag().equals("input") && f.textLike()
                        && ConsultationRules.containsAny(f.label(), rules.subjectHints())))
                .orElse(null);
        FormProbe.Field submit = first(fields, f -> f.buttonLike() && f.visible()
                && ConsultationRules.containsAny(f.text() + " " + f.own(), rules.submitHints()))
                .or(() -> first(fields, f -> f.type().equals("submit")))
                .or(() -> first(fields, f -> f.buttonLike() && ConsultationRules.containsAny(f.text(), rules.submitHints())))
                .orElse(null);
        List<FormProbe.Field> others = new ArrayList<>();
        for (FormProbe.Field f : fields) {
            if (f == content || f == subject || f == submit || f.buttonLike() || isCaptchaInput(f, rules)) {
                continue;
            }
            others.add(f);
        }
        return new ConsultationForm(content, subject, submit, others, captcha);
    }

    static boolean isCaptchaInput(FormProbe.Field f, ConsultationRules rules) {
        if (!f.tag().equals("input") || !f.textLike()) {
            return false;
        }
        return ConsultationRules.containsAny(f.own() + " " + f.cls(), rules.captcha().inputHints())
                || (f.label().length() <= 20 && ConsultationRules.containsAny(f.label(), rules.captcha().nearbyText()));
    }

    private static List<String> captcha(FormProbe probe, ConsultationRules rules) {
        Set<String> reasons = new LinkedHashSet<>();
        for (FormProbe.Field f : probe.fields()) {
            if (isCaptchaInput(f, rules)) {
                reasons.add("验证码输入框（" + (f.name().isEmpty() ? f.label() : "name=" + f.name()) + "）");
            }
        }
        for (FormProbe.Signal s : probe.captcha()) {
            if (s.kind().equals("img") && s.visible() && (ConsultationRules.containsAny(s.text(), rules.captcha().inputHints())
                    || ConsultationRules.containsAny(s.text(), rules.captcha().nearbyText()))) {
                reasons.add("验证码图片");
            } else if (s.kind().equals("widget") && s.visible()
                    && ConsultationRules.containsAny(s.text(), rules.captcha().sliderHints())) {
                reasons.add("滑块验证");
            }
        }
        return List.copyOf(reasons);
    }

    private static Optional<FormProbe.Field> first(List<FormProbe.Field> fields,
                                                   java.util.function.Predicate<FormProbe.Field> p) {
        return fields.stream().filter(p).findFirst();
    }
}

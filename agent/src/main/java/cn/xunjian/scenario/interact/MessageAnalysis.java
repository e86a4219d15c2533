package cn.xunjian.scenario.interact;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a public message list: W-V5 (b) a valid message of the last year unanswered (or answered) after more
 * than 90 days is a veto; W-D4 replies after more than 5 working days, no reply published in the last 60 days, and
 * dates not shown are deductions. Thresholds come from {@link MessageRules}, working days from the holiday
 * calendar. Findings carry no evidence; the caller adds it.
 */
final class MessageAnalysis {
    public static final String VETO = "W-V5";
    public static final String DEDUCT = "W-D4";

    private final MessageRules rules;
    private final WorkingDayCalendar calendar;

    public MessageAnalysis(MessageRules rules, WorkingDayCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    public List<Finding> judge(List<PublicMessage> messages, LocalDate today, String listUrl) {
        List<Finding> out = new ArrayList<>();
        LocalDate windowStart = today.minusDays(rules.windowDays());
        int missingDates = 0;
        for (int i = 0; i < messages.size(); i++) {
            PublicMessage m = messages.get(i);
            String url = m.url().isEmpty() ? listUrl + "#message-" + (i + 1) : m.url();
            if (m.askedAt() == null || (m.answered() && m.answeredAt() == null)) {
                missingDates++;
                continue;
            }
            if (m.status() == PublicMessage.Status.INVALID || m.askedAt().isBefore(windowStart)) {
                continue;
            }
            if (m.answeredAt() == null && !m.answered()) {
                long days = ChronoUnit.DAYS.between(m.askedAt(), today);
                if (days > rules.unansweredVetoDays()) {
                    out.add(new Finding(VETO, "interaction.unanswered-90-days", Severity.VETO, url,
                            String.format(Locale.ROOT, "留言“%s”（%s）已 %d 天未答复，超过 %d 天", m.title(), m.askedAt(),
                                    days, rules.unansweredVetoDays()), List.of())
                            .with("title", m.title()).with("askedAt", m.askedAt()).with("days", days));
                }
                continue;
            }
            long days = ChronoUnit.DAYS.between(m.askedAt(), m.answeredAt());
            if (days > rules.unansweredVetoDays()) {
                out.add(new Finding(VETO, "interaction.reply-after-90-days", Severity.VETO, url,
                        String.format(Locale.ROOT, "留言“%s”（%s）%d 天后才答复（%s），超过 %d 天", m.title(), m.askedAt(),
                                days, m.answeredAt(), rules.unansweredVetoDays()), List.of())
                        .with("title", m.title()).with("askedAt", m.askedAt()).with("days", days));
                continue;
            }
            int working = calendar.workingDaysBetween(m.askedAt(), m.answeredAt());
            if (working > rules.slowReplyWorkingDays()) {
                out.add(new Finding(DEDUCT, "interaction.slow-reply", Severity.DEDUCT, url,
                        String.format(Locale.ROOT, "留言“%s”%s 提交，%s 答复，用时 %d 个工作日，超过 %d 个工作日", m.title(),
                                m.askedAt(), m.answeredAt(), working, rules.slowReplyWorkingDays()), List.of())
                        .with("title", m.title()).with("askedAt", m.askedAt()).with("days", working));
            }
        }
        Optional<LocalDate> newest = messages.stream().map(PublicMessage::answeredAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (!messages.isEmpty() && (newest.isEmpty()
                || ChronoUnit.DAYS.between(newest.get(), today) > rules.noReplyDays())) {
            out.add(new Finding(DEDUCT, "interaction.no-reply-2-months", Severity.DEDUCT, listUrl,
                    newest.map(d -> String.format(Locale.ROOT, "最近一次公开答复在 %s，已超过 %d 天未公开留言答复", d,
                            rules.noReplyDays())).orElse("留言列表中没有任何公开的答复"), List.of()));
        }
        if (missingDates > 0) {
            out.add(new Finding(DEDUCT, "interaction.dates-missing", Severity.DEDUCT, listUrl,
                    String.format(Locale.ROOT, "%d 条留言未公开留言时间或答复时间", missingDates), List.of()));
        }
        return out;
    }
}

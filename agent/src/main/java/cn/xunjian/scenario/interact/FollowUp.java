package cn.xunjian.scenario.interact;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.scenario.PageOpener;
import cn.xunjian.store.SubmittedMessage;
import cn.xunjian.store.SubmittedMessageStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up, on each site's query page, the test messages the consultation check submitted and that have no reply
 * yet, and records when a reply appeared (the reply date the page shows, else now). Scheduling calls
 * {@link #run()}; each lookup opens the form page, follows its 信件查询 link (or stays when the form page has the
 * query box), types the 查询码 and reads the result.
 */
public final class FollowUp {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUp.class);
    private static final List<String> CODE_HINTS = List.of("查询码", "编号", "code", "cxm", "bh", "query");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    /** What one lookup found; {@code answeredAt} is null while unanswered. */
    public record Outcome(SubmittedMessage message, String answeredAt, String detail) {
        public boolean answered() {
            return answeredAt != null;
        }
    }

    private final PageOpener pages;
    private final SubmittedMessageStore store;
    private final ConsultationRules rules;
    private final MessageRules messageRules;
    private final Clock clock;

    public FollowUp(PageOpener pages, SubmittedMessageStore store, ConsultationRules rules, MessageRules messageRules,
                    Clock clock) {
        this.pages = pages;
        this.store = store;
        this.rules = rules;
        this.messageRules = messageRules;
        this.clock = clock;
    }

    /** Looks up every unanswered message, records replies in the store, and returns what each lookup found. */
    public List<Outcome> run() {
        List<Outcome> out = new ArrayList<>();
        ScenarioPage page = pages.open(DeviceProfile.DESKTOP);
        for (SubmittedMessage m : store.unanswered()) {
            Outcome o = lookUp(m, page);
            if (o.answered()) {
                store.markAnswered(m.siteUrl(), m.queryCode(), o.answeredAt());
            }
            LOG.info("follow-up {} {}: {}", m.formUrl(), m.queryCode(), o.detail());
            out.add(o);
        }
        return out;
    }

    Outcome lookUp(SubmittedMessage m, ScenarioPage page) {
        if (m.queryCode() == null || m.queryCode().isBlank()) {
            return new Outcome(m, null, "提交时网站未给出查询码，无法查询答复");
        }
        try {
            page.navigate(m.formUrl(), rules.timeouts().page());
            Optional<String> queryLink = EntryFinder.find(page.html(), page.url(), rules.queryLinkKeywords(),
                    List.of()).stream().map(EntryFinder.Link::url).filter(u -> !u.equals(page.url())).findFirst();
            if (queryLink.isPresent()) {
                page.navigate(queryLink.get(), rules.timeouts().page());
            }
            FormProbe probe = FormProbe.of(page.auditPage());
            FormProbe.Field box = probe.fields().stream()
                    .filter(f -> f.visible() && f.textLike() && !f.tag().equals("textarea")
                            && ConsultationRules.containsAny(f.own() + " " + f.label(), CODE_HINTS))
                    .findFirst()
                    .or(() -> probe.fields().stream().filter(f -> f.visible() && f.textLike()
                            && !f.tag().equals("textarea")).findFirst())
                    .orElse(null);
            if (box == null) {
                return new Outcome(m, null, "查询页面没有查询码输入框：" + page.url());
            }
            page.fill(Target.css(box.css()), m.queryCode(), false, rules.timeouts().action());
            FormProbe.Field button = probe.fields().stream()
                    .filter(f -> f.visible() && f.buttonLike()
                            && ConsultationRules.containsAny(f.text() + " " + f.own(), List.of("查询", "搜索", "确定", "submit")))
                    .findFirst().orElse(null);
            if (button != null) {
                page.click(Target.css(button.css()), rules.timeouts().action());
            } else {
                page.press(Target.css(box.css()), "Enter", rules.timeouts().action());
            }
            page.settle(rules.timeouts().page());
            String text = page.bodyText();
            LocalDate replied = MessageListParser.labelled(text, messageRules.answeredLabels());
            boolean answeredStatus = messageRules.answeredStatus().stream().anyMatch(text::contains)
                    && messageRules.unansweredStatus().stream().noneMatch(text::contains);
            if (replied != null) {
                return new Outcome(m, replied.atStartOfDay(ShanghaiTime.ZONE).format(ISO), "已答复，答复时间 " + replied);
            }
            if (answeredStatus) {
                return new Outcome(m, ShanghaiTime.iso(clock), "已答复（页面未给出答复时间，记为本次查询时间）");
            }
            return new Outcome(m, null, "尚未答复");
        } catch (PageActionException e) {
            return new Outcome(m, null, "查询失败：" + e.getMessage());
        }
    }
}

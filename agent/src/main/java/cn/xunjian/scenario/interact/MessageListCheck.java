package cn.xunjian.scenario.interact;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.scenario.BrowserPages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * W-V5 (b) and W-D4: finds the public message list (信件公开, 留言选登… on the home page or the consultation
 * entry), reads 留言时间, 答复时间 and status from it and from detail pages where the list lacks them, and judges
 * it with {@link MessageAnalysis}. Every finding carries the step log, the list's screenshot and DOM, and the
 * messages as read ({@code http}-type JSON).
 */
public final class MessageListCheck implements SiteCheck {
    private final ConsultationRules consultation;
    private final MessageRules rules;
    private final MessageAnalysis analysis;
    private final MessageListParser parser;

    public MessageListCheck(ConsultationRules consultation, MessageRules rules, WorkingDayCalendar calendar) {
        this.consultation = consultation;
        this.rules = rules;
        this.analysis = new MessageAnalysis(rules, calendar);
        this.parser = new MessageListParser(rules);
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    public String indicator() {
        return MessageAnalysis.DEDUCT;
    }

    /** The messages as read, for the evidence file (dates as ISO text, null when not shown). */
    record ReadList(String listUrl, List<ReadMessage> messages) {
        static ReadList of(String listUrl, List<PublicMessage> messages) {
            return new ReadList(listUrl, messages.stream().map(m -> new ReadMessage(m.title(), m.url(),
                    text(m.askedAt()), text(m.answeredAt()), m.status().name())).toList());
        }

        private static String text(LocalDate d) {
            return d == null ? null : d.toString();
        }
    }

    /** One message as read. */
    record ReadMessage(String title, String url, String askedAt, String answeredAt, String status) {
    }

    @Override
    public List<Finding> run(SiteContext context) {
        Trail trail = new Trail("messages", context.evidence());
        try (BrowserPages pages = new BrowserPages(context.browser())) {
            ScenarioPage page = pages.open(DeviceProfile.DESKTOP);
            Set<String> candidates = new LinkedHashSet<>();
            EntryFinder.find(context.home().html(), context.home().url(), consultation.listLinkKeywords(),
                    consultation.excludeKeywords()).forEach(l -> candidates.add(l.url()));
            List<String> entries = new ArrayList<>();
            if (context.site().consultation() != null && context.site().consultation().url() != null) {
                entries.add(context.site().consultation().url());
            }
            EntryFinder.find(context.home().html(), context.home().url(), consultation.entryKeywords(),
                    consultation.excludeKeywords()).stream().limit(2).forEach(l -> entries.add(l.url()));
            for (String entry : entries) {
                if (open(page, trail, entry, "打开互动入口")) {
                    EntryFinder.find(page.html(), page.url(), consultation.listLinkKeywords(),
                            consultation.excludeKeywords()).forEach(l -> candidates.add(l.url()));
                    candidates.add(entry);
                }
            }
            int tried = 0;
            for (String candidate : candidates) {
                if (tried++ >= rules.maxListPages()) {
                    break;
                }
                if (!open(page, trail, candidate, "打开留言列表")) {
                    continue;
                }
                List<PublicMessage> messages = parser.parse(page.html(), page.url());
                if (messages.isEmpty()) {
                    trail.pass("parse", "读取留言列表", "未读到带留言时间的留言", page.url());
                    continue;
                }
                return judge(context, page, trail, messages);
            }
            trail.begin();
            trail.pass("parse", "查找公开的留言列表", "未找到", context.home().url());
            return List.of(new Finding(MessageAnalysis.DEDUCT, "interaction.messages.not-found", Severity.INFO,
                    context.home().url(), "未找到公开的留言列表（含留言时间、答复时间），未能检查答复时效",
                    trail.evidence(Map.of())));
        }
    }

    private List<Finding> judge(SiteContext context, ScenarioPage page, Trail trail, List<PublicMessage> list) {
        String listUrl = page.url();
        Evidence shot = context.evidence().screenshot("messages-list", page.screenshot(), listUrl);
        Evidence dom = context.evidence().html("messages-list", page.html(), listUrl);
        trail.pass("parse", "读取留言列表", list.size() + " 条留言", listUrl, shot, dom);
        List<PublicMessage> messages = new ArrayList<>();
        int details = 0;
        for (PublicMessage m : list) {
            boolean incomplete = m.askedAt() == null || (m.answeredAt() == null && m.status() != PublicMessage.Status.UNANSWERED);
            if (incomplete && !m.url().isEmpty() && details < rules.maxDetailPages()) {
                details++;
                if (open(page, trail, m.url(), "打开留言详情")) {
                    List<PublicMessage> detail = parser.parse(page.html(), page.url());
                    if (!detail.isEmpty()) {
                        m = m.merge(detail.get(0));
                    }
                }
            }
            messages.add(m);
        }
        LocalDate today = LocalDate.now(context.clock().withZone(ShanghaiTime.ZONE));
        List<Finding> findings = analysis.judge(messages, today, listUrl);
        trail.begin();
        trail.pass("judge", "判断答复时效", findings.size() + " 项问题", listUrl,
                context.evidence().json("http", "messages-read", ReadList.of(listUrl, messages), listUrl));
        List<Evidence> evidence = trail.evidence(Map.of());
        if (findings.isEmpty()) {
            return List.of(new Finding(MessageAnalysis.DEDUCT, "interaction.messages.ok", Severity.INFO, listUrl,
                    "留言列表 " + messages.size() + " 条留言，答复及时", evidence));
        }
        return findings.stream().map(f -> f.withEvidence(evidence)).toList();
    }

    private boolean open(ScenarioPage page, Trail trail, String url, String what) {
        trail.begin();
        try {
            int status = page.navigate(url, consultation.timeouts().page());
            if (status >= 400) {
                trail.fail("goto", what + " " + url, "HTTP " + status, url);
                return false;
            }
            trail.pass("goto", what + " " + url, "HTTP " + status, page.url());
            return true;
        } catch (PageActionException e) {
            trail.fail("goto", what + " " + url, e.getMessage(), url);
            return false;
        }
    }
}

package cn.xunjian.scenario.interact;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageActionException;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.Target;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.Evidence;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.scenario.BrowserPages;
import cn.xunjian.site.SiteFile;
import cn.xunjian.store.SubmittedMessage;
import cn.xunjian.store.SubmittedMessageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W-V5 (a): is there a working online consultation channel? Finds the entry (the site file's
 * {@code consultation.url}, else a home-page link such as 我要咨询 / 留言 / 信箱 / 政民互动 / 12345, or an image link
 * whose target is a 12345 or 互动 platform, never a 信访 or 纪检举报 channel); an entry on another platform (a
 * provincial 互动 platform, the 12345 hotline's site) counts like one on the site itself. It opens the form, checks that its content field and submit button are usable, fills clearly
 * marked test data (【测试】…) and submits only when the site file says {@code "submit": true}. A captcha is
 * reported as needing a test whitelist (warn), never bypassed. A missing or broken channel is a W-V5 veto.
 * Every verdict carries the step log and the screenshots of each step. A successful submission is stored with
 * its 查询码 so that {@link FollowUp} can look the reply up later.
 *
 * <p>A page outside the network scope is never opened, and a form behind a login cannot be tried: when no usable
 * form was found and such an entry was among those tried, the channel could not be verified ({@code .unverified},
 * info) — the site links a channel, so it is never reported missing or broken on that account.
 *
 * <p>Kinds: {@code interaction.consultation.missing} / {@code .broken} (veto), {@code .captcha} (warn),
 * {@code .ready} (info: usable, not submitted), {@code .submitted} (info), {@code .unverified} (info).
 */
public final class ConsultationCheck implements SiteCheck {
    public static final String INDICATOR = "W-V5";
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationCheck.class);
    private static final long POLL_MS = 200;
    /** After a script error, how long a confirmation may still take (a late handler) before giving up. */
    private static final Duration SCRIPT_ERROR_GRACE = Duration.ofSeconds(2);

    private final ConsultationRules rules;
    private final SubmittedMessageStore store;

    public ConsultationCheck(ConsultationRules rules, SubmittedMessageStore store) {
        this.rules = rules;
        this.store = store;
    }

    @Override
    public String name() {
        return "consultation";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(SiteContext context) {
        try (BrowserPages pages = new BrowserPages(context.browser())) {
            return List.of(new Attempt(context, pages.open(DeviceProfile.DESKTOP)).run());
        }
    }

    /** One pass through the channel. */
    private final class Attempt {
        private final SiteContext context;
        private final ScenarioPage page;
        private final Trail trail;
        private final Map<String, String> extracted = new LinkedHashMap<>();
        /** Entries and form links not opened because they are outside the network scope. */
        private final List<String> outOfScope = new ArrayList<>();
        /** Pages that ask the citizen to log in before writing. */
        private final List<String> loginRequired = new ArrayList<>();

        Attempt(SiteContext context, ScenarioPage page) {
            this.context = context;
            this.page = page;
            this.trail = new Trail("consultation", context.evidence());
        }

        Finding run() {
            SiteFile site = context.site();
            List<String> candidates = new ArrayList<>();
            trail.begin();
            if (site.consultation() != null && site.consultation().url() != null) {
                candidates.add(site.consultation().url());
                trail.pass("entry", "站点文件给出的咨询入口", site.consultation().url(), site.consultation().url());
            } else {
                List<EntryFinder.Link> links = EntryFinder.find(context.home().html(), context.home().url(),
                        rules.entryKeywords(), rules.excludeKeywords(), rules.entryUrlHints(), rules.excludeUrlHints());
                if (links.isEmpty()) {
                    Evidence shot = context.evidence().screenshot("consultation-home", context.home().screenshot(),
                            context.home().url());
                    trail.fail("discover", "在首页查找咨询入口（" + String.join("、", rules.entryKeywords()) + "）",
                            "首页没有咨询、留言或信箱入口（信访、纪检举报渠道不计）", context.home().url(), shot);
                    return veto("interaction.consultation.missing", context.home().url(),
                            "未提供网上有效咨询建言渠道：首页未找到“我要咨询”“留言”“信箱”“政民互动”“12345”等入口（信访、纪检举报渠道不计）");
                }
                links.stream().limit(3).forEach(l -> candidates.add(l.url()));
                EntryFinder.Link best = links.get(0);
                trail.pass("discover", "在首页查找咨询入口", "找到“" + best.text() + "” → " + best.url(), best.url());
            }
            return openForm(candidates);
        }

        private Finding openForm(List<String> entries) {
            String lastProblem = "";
            for (String entry : entries) {
                Optional<ConsultationForm> form = open(entry);
                if (form.isPresent()) {
                    return useForm(form.get());
                }
                lastProblem = page.url();
            }
            if (!outOfScope.isEmpty() || !loginRequired.isEmpty()) {
                return unverified();
            }
            return veto("interaction.consultation.broken", lastProblem.isEmpty() ? entries.get(0) : lastProblem,
                    "在线咨询渠道不可用：入口页面打不开，或其中没有可用的咨询表单（内容输入框）");
        }

        /** No usable form was found, but an entry could not be tried: the channel is linked, not verified. */
        private Finding unverified() {
            String url;
            String why;
            if (!outOfScope.isEmpty()) {
                url = outOfScope.get(0);
                why = "网站链接的咨询渠道 " + String.join("、", outOfScope) + "（" + platform(url)
                        + "）不在允许访问的网络范围内，未能核实其能否打开、是否有咨询表单";
            } else {
                url = loginRequired.get(0);
                why = "咨询渠道 " + String.join("、", loginRequired) + " 需要登录后才能留言，未能核实咨询表单是否可用";
            }
            return new Finding(INDICATOR, "interaction.consultation.unverified", Severity.INFO, url,
                    why + "；请人工核实", trail.evidence(extracted));
        }

        /** Where a URL's channel is: this site, or another platform named by its host. */
        private String platform(String url) {
            String host = host(url);
            return host.isEmpty() || host.equals(host(context.site().url())) ? "本站" : "其他平台 " + host;
        }

        /** A prefix for messages about a form on another platform than the site; empty for the site's own. */
        private String onPlatform(String url) {
            String where = platform(url);
            return where.equals("本站") ? "" : "咨询渠道设在" + where + "；";
        }

        /** Opens an entry and looks for the form there, one link deeper, or behind a button that shows it. */
        private Optional<ConsultationForm> open(String entry) {
            if (!navigate(entry, "打开咨询入口")) {
                return Optional.empty();
            }
            ConsultationForm form = probe();
            if (form.found() && form.content().visible()) {
                return Optional.of(form);
            }
            if (form.found() && revealByButton()) {
                ConsultationForm again = probe();
                if (again.found() && again.content().visible()) {
                    return Optional.of(again);
                }
            }
            for (EntryFinder.Link link : EntryFinder.find(page.html(), page.url(), rules.formLinkKeywords(),
                    rules.excludeKeywords()).stream().filter(l -> !l.url().equals(page.url())).limit(3).toList()) {
                if (navigate(link.url(), "打开“" + link.text() + "”")) {
                    ConsultationForm deeper = probe();
                    if (deeper.found() && deeper.content().visible()) {
                        return Optional.of(deeper);
                    }
                    if (deeper.found() && revealByButton()) {
                        deeper = probe();
                        if (deeper.found() && deeper.content().visible()) {
                            return Optional.of(deeper);
                        }
                    }
                }
            }
            trail.begin();
            if (asksToLogIn()) {
                loginRequired.add(page.url());
                trail.skip("findForm", "查找咨询表单", "页面要求登录后才能留言，未尝试登录", page.url(),
                        shot("consultation-login"), dom("consultation-login"));
                return Optional.empty();
            }
            trail.fail("findForm", "查找咨询表单", "页面中没有可见的留言内容输入框", page.url(), shot("consultation-no-form"),
                    dom("consultation-no-form"));
            return Optional.empty();
        }

        /** Whether the current page wants a login first: a visible password field, or words that say so. */
        private boolean asksToLogIn() {
            boolean password = FormProbe.of(page.auditPage()).fields().stream()
                    .anyMatch(f -> f.visible() && f.type().equals("password"));
            String text = page.bodyText();
            return password || rules.loginPhrases().stream().anyMatch(text::contains);
        }

        private boolean revealByButton() {
            for (String keyword : rules.formLinkKeywords()) {
                Target button = Target.text(keyword);
                if (page.count(button) > 0 && page.visible(button)) {
                    trail.begin();
                    try {
                        page.click(button, rules.timeouts().action());
                        page.settle(rules.timeouts().action());
                        trail.pass("click", "点击“" + keyword + "”以显示表单", "", page.url());
                        return true;
                    } catch (PageActionException e) {
                        trail.fail("click", "点击“" + keyword + "”以显示表单", e.getMessage(), page.url());
                        return false;
                    }
                }
            }
            return false;
        }

        private boolean navigate(String url, String what) {
            trail.begin();
            if (!context.scope().allows(url)) {
                outOfScope.add(url);
                trail.skip("goto", what + " " + url, "不在允许访问的网络范围内，未打开", url);
                return false;
            }
            try {
                int status = page.navigate(url, rules.timeouts().page());
                if (status >= 400) {
                    trail.fail("goto", what + " " + url, "页面返回 HTTP " + status, url, shot("consultation-http-" + status));
                    return false;
                }
                trail.pass("goto", what + " " + url, "HTTP " + status, page.url());
                return true;
            } catch (PageActionException e) {
                trail.fail("goto", what + " " + url, e.getMessage(), url, shot("consultation-not-opened"));
                return false;
            }
        }

        private ConsultationForm probe() {
            return ConsultationForm.of(FormProbe.of(page.auditPage()), rules);
        }

        private Finding useForm(ConsultationForm form) {
            String formUrl = page.url();
            trail.begin();
            List<String> problems = new ArrayList<>();
            if (!form.content().enabled()) {
                problems.add("留言内容输入框不可用（禁用或只读）");
            }
            if (form.submit() == null) {
                problems.add("没有提交按钮");
            } else if (!form.submit().visible() || !form.submit().enabled()) {
                problems.add("提交按钮不可见或不可用");
            }
            if (!problems.isEmpty()) {
                trail.fail("inspect", "检查表单字段可用", String.join("；", problems), formUrl, shot("consultation-form"),
                        dom("consultation-form"));
                return veto("interaction.consultation.broken", formUrl, "在线咨询表单不可用：" + String.join("；", problems));
            }
            trail.pass("inspect", "检查表单字段可用", "内容框、" + (form.subject() == null ? "" : "标题框、") + "提交按钮可用",
                    formUrl);
            String subject = rules.testData().subject();
            try {
                fill(form);
            } catch (PageActionException e) {
                trail.fail("fill", "填写测试数据", e.getMessage(), formUrl, shot("consultation-fill-failed"),
                        dom("consultation-fill-failed"));
                return veto("interaction.consultation.broken", formUrl, "在线咨询表单无法填写：" + e.getMessage());
            }
            trail.pass("fill", "填写【测试】数据（标注为自动化可用性测试）", "", formUrl, shot("consultation-filled"));
            if (!form.captcha().isEmpty()) {
                trail.begin();
                trail.pass("captcha", "检测验证码", String.join("、", form.captcha()), formUrl);
                return new Finding(INDICATOR, "interaction.consultation.captcha", Severity.WARN, formUrl,
                        onPlatform(formUrl) + "咨询表单有验证码（" + String.join("、", form.captcha()) + "），需网站为巡检开通测试白名单后才能检测提交；未尝试绕过",
                        trail.evidence(extracted));
            }
            if (context.site().consultation() == null || !context.site().consultation().submit()) {
                return new Finding(INDICATOR, "interaction.consultation.ready", Severity.INFO, formUrl,
                        onPlatform(formUrl) + "咨询表单可以打开并填写；站点文件未设置 consultation.submit 为 true，未提交测试留言",
                        trail.evidence(extracted));
            }
            return submit(form, formUrl, subject);
        }

        private void fill(ConsultationForm form) {
            Duration t = rules.timeouts().action();
            if (form.subject() != null) {
                page.fill(Target.css(form.subject().css()), rules.testData().subject(), false, t);
            }
            page.fill(Target.css(form.content().css()), rules.testData().content(), false, t);
            java.util.Set<String> radioGroups = new java.util.HashSet<>();
            for (FormProbe.Field f : form.others()) {
                if (!f.visible() || !f.enabled()) {
                    continue;
                }
                Target target = Target.css(f.css());
                if (f.textLike()) {
                    Optional<String> value = valueFor(f);
                    if (value.isPresent()) {
                        page.fill(target, value.get(), false, t);
                    } else if (f.required()) {
                        page.fill(target, rules.testData().fallback() + "巡检", false, t);
                    }
                } else if (f.tag().equals("select")) {
                    f.options().stream().filter(o -> !o.isBlank()).findFirst()
                            .ifPresent(o -> page.select(target, o, t));
                } else if (f.type().equals("checkbox")) {
                    if (f.required() || f.label().contains("同意") || f.label().contains("已阅读")) {
                        page.check(target, true, t);
                    }
                } else if (f.type().equals("radio") && f.required() && radioGroups.add(f.name())) {
                    page.check(target, true, t);
                }
            }
        }

        private Optional<String> valueFor(FormProbe.Field f) {
            for (ConsultationRules.FieldValue v : rules.testData().fields()) {
                if (ConsultationRules.containsAny(f.own(), v.hints())) {
                    return Optional.of(v.value());
                }
            }
            for (ConsultationRules.FieldValue v : rules.testData().fields()) {
                if (f.label().length() <= 20 && ConsultationRules.containsAny(f.label(), v.hints())) {
                    return Optional.of(v.value());
                }
            }
            return Optional.empty();
        }

        private Finding submit(ConsultationForm form, String formUrl, String subject) {
            String before = page.bodyText();
            int errors = page.scriptErrors().size();
            int failures = page.failedResponses().size();
            int dialogs = page.dialogs().size();
            trail.begin();
            String clickProblem = "";
            try {
                page.click(Target.css(form.submit().css()), rules.timeouts().action());
            } catch (PageActionException e) {
                clickProblem = e.getMessage();
            }
            String outcome = null;
            String failure = null;
            long clicked = System.nanoTime();
            long deadline = clicked + rules.timeouts().confirmation().toNanos();
            String text = "";
            while (System.nanoTime() < deadline) {
                text = page.bodyText() + "\n" + String.join("\n", after(page.dialogs(), dialogs));
                Optional<String> success = newPhrase(text, before, rules.successPhrases());
                if (success.isPresent()) {
                    outcome = success.get();
                    break;
                }
                Optional<String> failed = newPhrase(text, before, rules.failurePhrases());
                List<String> http = after(page.failedResponses(), failures);
                if (failed.isPresent() || !http.isEmpty()) {
                    failure = http.isEmpty() ? "页面提示“" + failed.get() + "”" : "提交请求返回 HTTP " + String.join("、", http);
                    break;
                }
                if (!after(page.scriptErrors(), errors).isEmpty()
                        && System.nanoTime() - clicked > SCRIPT_ERROR_GRACE.toNanos()) {
                    break; // the handler died; nothing more will come
                }
                sleep();
            }
            List<String> scriptErrors = after(page.scriptErrors(), errors);
            String url = page.url();
            if (outcome != null) {
                String code = queryCode(text).orElse("");
                extracted.put("queryCode", code);
                trail.pass("submit", "提交测试留言", "确认：“" + outcome + "”" + (code.isEmpty() ? "，未给出查询码" : "，查询码 " + code),
                        url, shot("consultation-submitted"));
                String at = ShanghaiTime.iso(context.clock());
                store.save(new SubmittedMessage(context.site().url(), formUrl, code, subject, at, null));
                LOG.info("test message submitted to {} (query code {})", formUrl, code.isEmpty() ? "none" : code);
                return new Finding(INDICATOR, "interaction.consultation.submitted", Severity.INFO, url,
                        onPlatform(formUrl) + "已提交测试留言，网站确认“" + outcome + "”" + (code.isEmpty() ? "（未给出查询码）" : "，查询码 " + code),
                        trail.evidence(extracted));
            }
            if (failure == null) {
                Optional<String> validation = newPhrase(text, before, rules.validationPhrases());
                if (!scriptErrors.isEmpty()) {
                    failure = "页面脚本出错：" + String.join("；", scriptErrors);
                } else if (validation.isPresent()) {
                    failure = "表单校验始终未通过（页面提示“" + validation.get() + "”）";
                } else if (!clickProblem.isEmpty()) {
                    failure = "提交按钮无法点击：" + clickProblem;
                } else {
                    failure = String.format(Locale.ROOT, "提交后 %d 秒内没有出现提交成功的确认",
                            rules.timeouts().confirmation().toSeconds());
                }
            }
            trail.fail("submit", "提交测试留言", failure, url, shot("consultation-submit-failed"),
                    dom("consultation-submit-failed"));
            return veto("interaction.consultation.broken", formUrl, "在线咨询表单提交失败：" + failure);
        }

        private Optional<String> queryCode(String text) {
            Matcher m = rules.queryCode().matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        private Finding veto(String kind, String url, String message) {
            return new Finding(INDICATOR, kind, Severity.VETO, url, message, trail.evidence(extracted));
        }

        private Evidence shot(String name) {
            try {
                return context.evidence().screenshot(name, page.screenshot(), page.url());
            } catch (RuntimeException e) {
                LOG.debug("no screenshot {}: {}", name, e.toString());
                return null;
            }
        }

        private Evidence dom(String name) {
            String html = page.html();
            return html.isEmpty() ? null : context.evidence().html(name, html, page.url());
        }
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Optional<String> newPhrase(String text, String before, List<String> phrases) {
        return phrases.stream().filter(p -> text.contains(p) && !before.contains(p)).findFirst();
    }

    private static List<String> after(List<String> all, int from) {
        return all.size() <= from ? List.of() : all.subList(from, all.size());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

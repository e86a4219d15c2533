package cn.xunjian.column;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.model.Finding;
import cn.xunjian.crawl.PageSource;
import cn.xunjian.check.Fact;
import cn.xunjian.check.Renderer;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.model.SitePage;
import cn.xunjian.column.ColumnRules.ColumnClass;
import cn.xunjian.column.ColumnRules.Outcome;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W-V3, W-V4, W-D7 and back-dated candidates (W-V1): finds the site's columns, reads the newest date of each
 * (its list, else page 2, else its first item's detail page), and reports stale columns by their class, blank
 * columns, a stale home page and items whose list date is far earlier than the date in their URL. The indicator,
 * kind and severity of every case come from {@code column-rules.json}: single stale or blank columns are warnings
 * that count toward W-V4, whose veto is reported once the counts of INDICATORS.md are reached.
 *
 * <p>A column page whose fetched HTML has no list items is read again as the browser renders it: many sites build
 * the list with a script (Hanweb's {@code jpage} writes it from a {@code <script type="text/xml">} datastore) or
 * fetch it by XHR. Such a column is blank only if the rendered page is blank too; when it cannot be rendered, it is
 * reported as not verified (info) and counts toward nothing.
 */
public final class ColumnFreshnessCheck implements SiteCheck {
    /** The columns found on the site, with the class they were judged by. */
    public static final Fact<Column> COLUMNS = new Fact<>("columns", Column.class);

    private static final Logger LOG = LoggerFactory.getLogger(ColumnFreshnessCheck.class);

    private final ColumnRules rules;

    public ColumnFreshnessCheck() {
        this(ColumnRules.standard());
    }

    public ColumnFreshnessCheck(ColumnRules rules) {
        this.rules = rules;
    }

    /** What was read of one column, for the evidence file. */
    record ColumnRead(String name, String url, String parent, String columnClass, Integer maxAgeDays,
                      String newest, String newestFrom, Long ageDays, boolean blank, String blankPhrase,
                      String listFrom, List<ItemRead> items) {
    }

    /** One list entry as read. */
    record ItemRead(String title, String url, String listDate, String urlDate) {
    }

    /**
     * What was read of one column; {@code listFrom} says whether its list is the fetched or the rendered page's, and
     * {@code rendered} is that rendered page (null when the fetched one sufficed), kept for the screenshot.
     */
    private record State(Column column, ColumnClass type, ListPage list, LocalDate newest, String newestFrom,
                         boolean blank, ListFrom listFrom, AuditPage rendered) {
        Long age(LocalDate today) {
            return newest == null ? null : ChronoUnit.DAYS.between(newest, today);
        }
    }

    @Override
    public String name() {
        return "column";
    }

    @Override
    public String indicator() {
        return "W-V4";
    }

    /** The columns and the home page of the site, read from the crawled pages. */
    @Override
    public List<Finding> run(SiteContext context) {
        AuditPage home = context.home();
        Audited audited = audited(new SitePage(home.url(), home.html(), 0), context.pages(), context.renderer(),
                context.evidence(), context.clock());
        context.facts().addAll(COLUMNS, audited.columns());
        return audited.findings();
    }

    /**
     * Audits the columns and the home page of one site.
     *
     * @param home the home page as fetched
     * @param pages fetches list and detail pages (decoded text)
     * @param renderer renders list pages for screenshot evidence
     * @param evidence where the screenshots and the dates read are kept
     * @param clock the audit's clock; dates are judged in Asia/Shanghai
     * @return findings in the order: columns (blank, stale, back-dated), W-V4 vetoes, home page
     */
    public List<Finding> audit(SitePage home, PageSource pages, Renderer renderer, SiteEvidence evidence,
                               Clock clock) {
        return audited(home, pages, renderer, evidence, clock).findings();
    }

    /** Where a column's list was read. */
    private enum ListFrom {
        FETCHED("抓取的页面"), RENDERED("浏览器渲染后的页面"), NOWHERE("抓取的页面没有列表，且未能在浏览器中打开");

        private final String label;

        ListFrom(String label) {
            this.label = label;
        }
    }

    /** The columns found and what was found about them. */
    private record Audited(List<Column> columns, List<Finding> findings) {
    }

    private Audited audited(SitePage home, PageSource pages, Renderer renderer, SiteEvidence evidence, Clock clock) {
        DateExtractor dates = new DateExtractor(rules, clock);
        ListPageReader reader = new ListPageReader(rules, dates);
        ColumnClassifier classifier = new ColumnClassifier(rules);
        PageSource cached = cache(pages);
        LocalDate today = dates.today();
        Evidencer proof = new Evidencer(renderer, evidence, today);

        List<Column> columns = new ColumnFinder(rules, reader).find(home, cached);
        LOG.debug("{} columns found on {}", columns.size(), home.url());
        List<State> states = new ArrayList<>();
        for (Column column : columns) {
            inspect(column, classifier.classify(column).orElse(null), cached, renderer, reader, dates)
                    .ifPresent(states::add);
        }

        List<Finding> findings = new ArrayList<>();
        int staleA = 0;
        int staleAll = 0;
        int blanks = 0;
        for (State s : states) {
            if (s.listFrom() == ListFrom.NOWHERE) {
                findings.add(finding(rules.unverifiedColumn(), s.column().url(), describe(s.column())
                        + "抓取到的页面没有信息列表，且未能在浏览器中打开核实（列表可能由脚本生成），无法判断是否空白或未更新，请人工核实",
                        proof.of(s)));
                continue;
            }
            if (s.blank()) {
                blanks++;
                findings.add(named(finding(rules.blankColumn(), s.column().url(), blankMessage(s), proof.of(s)), s));
                continue;
            }
            if (s.type() != null) {
                Long age = s.age(today);
                if (age == null || age > s.type().maxAgeDays()) {
                    staleAll++;
                    staleA += "a".equals(s.type().group()) ? 1 : 0;
                    String message = staleMessage(s, age);
                    findings.add(named(finding(rules.staleColumn(), s.column().url(), message, proof.of(s)), s)
                            .with("days", age));
                    if (s.type().alsoIndicator() != null) {
                        findings.add(named(new Finding(s.type().alsoIndicator(), s.type().alsoKind(),
                                s.type().alsoSeverity(), s.column().url(), message, proof.of(s)), s).with("days", age));
                    }
                }
            }
            for (ListItem item : s.list().items()) {
                if (item.listDate() != null && item.urlDate() != null
                        && ChronoUnit.DAYS.between(item.listDate(), item.urlDate()) > rules.backdated().threshold()) {
                    findings.add(finding(rules.backdated(), item.url(), String.format(java.util.Locale.ROOT,
                            "栏目“%s”中的“%s”列表显示发布日期 %s，但网址中的日期为 %s，早了 %d 天，疑似倒填发稿日期，请人工核实",
                            s.column().name(), item.title(), item.listDate(), item.urlDate(),
                            ChronoUnit.DAYS.between(item.listDate(), item.urlDate())), proof.of(s)));
                }
            }
        }
        if (staleA >= rules.staleVetoA().threshold()) {
            findings.add(finding(rules.staleVetoA(), home.url(), "动态要闻类栏目及通知公告、政策文件类一级栏目中有 "
                    + staleA + " 个未按时更新，达到 " + rules.staleVetoA().threshold() + " 个，单项否决",
                    proof.summary(states)).with("count", staleA).with("threshold", rules.staleVetoA().threshold()));
        } else if (staleAll >= rules.staleVetoB().threshold()) {
            findings.add(finding(rules.staleVetoB(), home.url(), "应更新但长期未更新的栏目有 " + staleAll
                    + " 个，达到 " + rules.staleVetoB().threshold() + " 个，单项否决", proof.summary(states))
                    .with("count", staleAll).with("threshold", rules.staleVetoB().threshold()));
        }
        if (blanks >= rules.blankVeto().threshold()) {
            findings.add(finding(rules.blankVeto(), home.url(), "空白栏目有 " + blanks + " 个，达到 "
                    + rules.blankVeto().threshold() + " 个，单项否决", proof.summary(states))
                    .with("count", blanks).with("threshold", rules.blankVeto().threshold()));
        }
        home(home, reader, states, today, proof).ifPresent(findings::add);
        return new Audited(columns, findings);
    }

    private Optional<State> inspect(Column column, ColumnClass type, PageSource pages, Renderer renderer,
                                    ListPageReader reader, DateExtractor dates) {
        Optional<SitePage> page = pages.fetch(column.url());
        if (page.isEmpty()) {
            return Optional.empty(); // an unreachable column is a broken link (W-D1), not a stale one
        }
        ListPage list = reader.read(page.get().html(), page.get().url());
        ListFrom from = ListFrom.FETCHED;
        AuditPage shown = null;
        boolean blank = reader.blank(list);
        if (list.items().isEmpty()) {
            Optional<AuditPage> rendered = render(renderer, column.url());
            if (rendered.isEmpty()) {
                return Optional.of(new State(column, type, list, null, null, false, ListFrom.NOWHERE, null));
            }
            list = reader.read(rendered.get().html(), rendered.get().url());
            from = ListFrom.RENDERED;
            shown = rendered.get();
            // a rendered page keeps its hidden "暂无数据" placeholder next to the list the script filled in
            blank = list.items().isEmpty() && reader.blank(list);
        }
        Optional<LocalDate> newest = list.newest();
        String newestFrom = "列表";
        if (newest.isEmpty() && !blank && list.nextPage() != null) {
            Optional<SitePage> second = pages.fetch(list.nextPage());
            if (second.isPresent()) {
                newest = reader.read(second.get().html(), second.get().url()).newest();
                newestFrom = "列表第 2 页";
            }
        }
        if (newest.isEmpty() && !blank) {
            Optional<ListItem> first = list.items().stream().filter(i -> reader.navigable(i.url())).findFirst();
            if (first.isPresent()) {
                newest = pages.fetch(first.get().url()).flatMap(d -> dates.fromDetailPage(d.html()));
                newestFrom = "详情页";
            }
        }
        return Optional.of(new State(column, type, list, newest.orElse(null), newestFrom, blank, from, shown));
    }

    private static Optional<AuditPage> render(Renderer renderer, String url) {
        try {
            return renderer.render(url);
        } catch (RuntimeException e) {
            LOG.warn("cannot render column {}: {}", url, e.toString());
            return Optional.empty();
        }
    }

    private Optional<Finding> home(SitePage home, ListPageReader reader, List<State> states, LocalDate today,
                                   Evidencer proof) {
        Outcome rule = rules.homeStale();
        ListPage list = reader.readAll(home.html(), home.url());
        Optional<LocalDate> newest = list.items().stream().map(ListItem::listDate)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo);
        if (newest.isPresent()) {
            long age = ChronoUnit.DAYS.between(newest.get(), today);
            if (age <= rule.threshold()) {
                return Optional.empty();
            }
            return Optional.of(finding(rule, home.url(), "首页最近更新 " + newest.get() + "，已 " + age
                    + " 天无信息更新，超过 " + rule.threshold() + " 天", proof.home(home.url(), list)).with("days", age));
        }
        // A home page that is only navigation is judged by its second-level pages.
        Optional<LocalDate> inColumns = states.stream().map(State::newest).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo);
        if (inColumns.isPresent() && ChronoUnit.DAYS.between(inColumns.get(), today) <= rule.threshold()) {
            return Optional.empty();
        }
        String newestText = inColumns.map(d -> "二级页面最近更新 " + d + "，已 " + ChronoUnit.DAYS.between(d, today)
                + " 天无信息更新").orElse("二级页面也未找到带日期的信息");
        return Optional.of(finding(rule, home.url(), "首页未显示带日期的信息（未注明发布时间的视为不更新），"
                + newestText + "，超过 " + rule.threshold() + " 天", proof.home(home.url(), list)));
    }

    private static String blankMessage(State s) {
        String where = describe(s.column()) + (s.type() == null ? "" : "（" + s.type().label() + "）");
        return s.list().blankPhrase() != null
                ? where + "为空白栏目，页面显示“" + s.list().blankPhrase() + "”"
                : where + "为空白栏目，列表页没有任何信息";
    }

    private static String staleMessage(State s, Long age) {
        String where = describe(s.column()) + "（" + s.type().label() + "）";
        if (age == null) {
            return where + "未找到注明发布日期的信息，视为未更新（应在 " + s.type().allowed() + " 内更新）";
        }
        return where + "最近更新 " + s.newest() + "，已 " + age + " 天未更新，超过 " + s.type().allowed();
    }

    /** The column a finding is about, as details: its name, its parent and the class it was judged by. */
    private static Finding named(Finding f, State s) {
        return f.with("column", s.column().name()).with("parent", s.column().topLevel() ? null : s.column().parent())
                .with("columnClass", s.type() == null ? null : s.type().label());
    }

    private static String describe(Column c) {
        return c.topLevel() ? "栏目“" + c.name() + "”" : "栏目“" + c.parent() + " > " + c.name() + "”";
    }

    private static Finding finding(Outcome rule, String url, String message, List<Evidence> evidence) {
        return new Finding(rule.indicator(), rule.kind(), rule.severity(), url, message, evidence);
    }

    private static PageSource cache(PageSource pages) {
        Map<String, Optional<SitePage>> seen = new HashMap<>();
        return url -> seen.computeIfAbsent(url, pages::fetch);
    }

    /** Saves each column's screenshot and dates once, however many findings cite them. */
    private static final class Evidencer {
        private final Renderer renderer;
        private final SiteEvidence evidence;
        private final LocalDate today;
        private final Map<String, List<Evidence>> saved = new HashMap<>();

        Evidencer(Renderer renderer, SiteEvidence evidence, LocalDate today) {
            this.renderer = renderer;
            this.evidence = evidence;
            this.today = today;
        }

        List<Evidence> of(State s) {
            return saved.computeIfAbsent(s.column().url(), url -> {
                List<Evidence> out = new ArrayList<>(s.rendered() == null ? screenshot("column-list", url)
                        : screenshot("column-list", url, s.rendered()));
                out.add(evidence.json("http", "column-dates", read(s), url));
                return List.copyOf(out);
            });
        }

        List<Evidence> home(String url, ListPage list) {
            List<Evidence> out = new ArrayList<>(screenshot("home", url));
            out.add(evidence.json("http", "home-dates", list.items().stream().map(ColumnFreshnessCheck::item)
                    .toList(), url));
            return out;
        }

        List<Evidence> summary(List<State> states) {
            return saved.computeIfAbsent(" summary", k -> List.of(evidence.json("http", "columns",
                    states.stream().map(this::read).toList(), "")));
        }

        private List<Evidence> screenshot(String name, String url) {
            return render(renderer, url).map(p -> screenshot(name, url, p)).orElse(List.of());
        }

        private List<Evidence> screenshot(String name, String url, AuditPage page) {
            try {
                return List.of(evidence.screenshot(name, page.screenshot(), url));
            } catch (RuntimeException e) {
                LOG.warn("cannot screenshot {}: {}", url, e.toString());
                return List.of();
            }
        }

        private ColumnRead read(State s) {
            Column c = s.column();
            return new ColumnRead(c.name(), c.url(), c.parent(), s.type() == null ? null : s.type().label(),
                    s.type() == null ? null : s.type().maxAgeDays(), s.newest() == null ? null : s.newest().toString(),
                    s.newest() == null ? null : s.newestFrom(), s.age(today), s.blank(), s.list().blankPhrase(),
                    s.listFrom().label, s.list().items().stream().map(ColumnFreshnessCheck::item).toList());
        }
    }

    private static ItemRead item(ListItem i) {
        return new ItemRead(i.title(), i.url(), i.listDate() == null ? null : i.listDate().toString(),
                i.urlDate() == null ? null : i.urlDate().toString());
    }
}

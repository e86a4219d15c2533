package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.check.FooterMarkRules.TextMark;
import cn.xunjian.check.MarkFinder.Sighting;
import cn.xunjian.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * W-D2 footer marks: 党政机关网站标识, 网站标识码, ICP备案编号, 公安机关备案标识 and the 我为政府网站找错 entry. A mark
 * is present in any form real sites give it: text in any spelling (a malformed one is a 格式不规范 warning), an
 * image whose alt, title or OCR reads it, a link whose address carries its number, the standard embeds
 * ({@code _ideConac}, {@code _jiucuo_}, {@code document.write}); it is looked for in the footer, in the frames
 * that show it and in the whole page. A mark that is not found while a resource that may carry it did not load is
 * unverifiable (info), never missing. QR codes in the footer are decoded and listed. The 网站标识码 is cross-checked
 * with the {@code SiteIDCode} meta, the 找错 sitecode and the site file.
 */
public final class FooterMarksCheck implements HomePageCheck {
    static final String INDICATOR = "W-D2";
    /** The text of every QR code decoded in the footer, for the checks that open what they point to. */
    public static final Fact<String> QR_CODES = new Fact<>("footer QR codes", String.class);
    private static final Pattern CONAC_ID = Pattern.compile("(?i).*[?&]id=[0-9a-f]{32}.*");
    private static final int NAMED_RESOURCES = 3;
    private final FooterMarkRules rules;
    private final MarkFinder finder;

    public FooterMarksCheck(FooterMarkRules rules) {
        this.rules = rules;
        this.finder = new MarkFinder(rules);
    }

    @Override
    public String name() {
        return "footer";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        AuditPage page = ctx.page();
        Document doc = Jsoup.parse(page.html(), page.url());
        Optional<Element> located = FooterLocator.locate(doc, rules);
        Element footer = located.orElse(doc.body());
        FooterResources resources = FooterResources.of(doc, footer, located.isPresent(), rules);
        List<MarkSource> sources = FooterSources.collect(doc, footer, located.isPresent(), page, resources);
        Marks marks = new Marks(ctx, sources, resources, new FooterEvidence(ctx, footer), new ArrayList<>());
        FooterImages images = FooterImages.read(ctx, FooterSources.imageRoots(sources), rules, marks.findings(),
                resources);

        Map<String, String> values = new LinkedHashMap<>();
        for (TextMark mark : rules.textMarks()) {
            textMark(mark, marks, images).ifPresent(v -> values.put(mark.id(), v));
        }
        conac(marks);
        String jiucuoCode = jiucuo(marks);
        siteCodes(doc, values.get("sitecode"), jiucuoCode, ctx, marks);
        meta(doc, page.url(), marks.findings());
        return marks.findings();
    }

    /** What the parts of one run share. */
    private record Marks(CheckContext ctx, List<MarkSource> sources, FooterResources resources, FooterEvidence shots,
                         List<Finding> findings) {
        String url() {
            return ctx.page().url();
        }

        void add(Finding f) {
            findings.add(f);
        }
    }

    /** An element found in one of the places. */
    private record Hit(Element element, MarkSource source) {
    }

    static Optional<String> match(TextMark mark, String text) {
        Matcher m = mark.regex().matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1).replaceAll("\\s+", ""));
        }
        return Optional.empty();
    }

    /** Finds one text mark and reports how it stands; returns its value when present. */
    private Optional<String> textMark(TextMark mark, Marks marks, FooterImages images) {
        Optional<Sighting> text = finder.inText(mark, marks.sources());
        if (text.isPresent()) {
            malformed(mark, text.get(), marks);
            linkCheck(mark, marks);
            return Optional.of(text.get().value());
        }
        Optional<Sighting> pictured = finder.inImageText(mark, marks.sources());
        if (pictured.isPresent()) {
            Sighting s = pictured.get();
            marks.add(new Finding(INDICATOR, "footer." + mark.id() + ".image-only", Severity.INFO, marks.url(),
                    mark.name() + "仅以图片呈现，图片的说明文字为“" + s.value() + "”（页面文字中没有）",
                    marks.shots().element(s.source().shown(s.element()))));
            malformed(mark, s, marks);
            linkCheck(mark, marks);
            return Optional.of(s.value());
        }
        Optional<FooterImages.OcrHit> hit = images.ocrFind(mark);
        if (hit.isPresent()) {
            marks.add(new Finding(INDICATOR, "footer." + mark.id() + ".image-only", Severity.INFO, marks.url(),
                    mark.name() + "仅以图片呈现，经 OCR 识别为“" + hit.get().value() + "”（页面文字中没有）",
                    hit.get().evidence()));
            linkCheck(mark, marks);
            return Optional.of(hit.get().value());
        }
        Optional<Sighting> linked = finder.inLinks(mark, marks.sources());
        if (linked.isPresent()) {
            Sighting s = linked.get();
            marks.add(new Finding(INDICATOR, "footer." + mark.id() + ".from-link", Severity.INFO, marks.url(),
                    mark.name() + "未以文字写出，编号 " + s.value() + " 取自其链接地址 " + s.element().absUrl("href"),
                    marks.shots().element(s.source().shown(s.element()))));
            return Optional.of(s.value());
        }
        absent(mark.id(), mark.name(), "页脚缺少" + mark.name() + "（页面文字和图片 OCR 均未找到）", marks);
        return Optional.empty();
    }

    private void malformed(TextMark mark, Sighting s, Marks marks) {
        if (s.standard()) {
            return;
        }
        marks.add(new Finding(INDICATOR, "footer." + mark.id() + ".malformed", Severity.WARN, marks.url(),
                mark.name() + "格式不规范：“" + s.value() + "”，规范写法如“" + mark.example() + "”",
                marks.shots().element(s.source().shown(finder.holder(s)))));
    }

    /**
     * A mark that is not found: missing (a deduction), unless a resource that may carry the footer did not load;
     * then it cannot be verified, which the finding says and names the resource.
     */
    private void absent(String markId, String name, String missing, Marks marks) {
        String kind = "footer." + markId;
        List<FooterResources.Resource> unloaded = marks.resources().unloaded(marks.ctx().page(), markId);
        if (unloaded.isEmpty()) {
            marks.add(new Finding(INDICATOR, kind + ".missing", Severity.DEDUCT, marks.url(), missing,
                    marks.shots().footer()).with("mark", name));
            return;
        }
        String named = unloaded.stream().limit(NAMED_RESOURCES).map(FooterResources.Resource::describe)
                .collect(Collectors.joining("、"));
        String more = unloaded.size() > NAMED_RESOURCES ? " 等 " + unloaded.size() + " 个资源" : "";
        marks.add(Finding.about(INDICATOR, kind + ".unverified", Severity.INFO, marks.url(), kind + ".unverified",
                "无法核实" + name + "：" + named + more + "未能加载，页脚或其中的标识可能由它显示，故不判定为缺少",
                marks.shots().footer()));
    }

    private void linkCheck(TextMark mark, Marks marks) {
        if (mark.linkHosts().isEmpty()) {
            return;
        }
        boolean linked = first(marks, "a[href]", a -> hostIn(a.absUrl("href"), mark.linkHosts())).isPresent();
        if (!linked) {
            marks.add(new Finding(INDICATOR, "footer." + mark.id() + ".unlinked", Severity.WARN, marks.url(),
                    mark.name() + "未链接到备案查询网站（" + String.join(" 或 ", mark.linkHosts()) + "）",
                    marks.shots().footer()));
        }
    }

    private Optional<Hit> first(Marks marks, String selector, Predicate<Element> test) {
        for (MarkSource source : marks.sources()) {
            for (Element el : source.root().select(selector)) {
                if (test.test(el)) {
                    return Optional.of(new Hit(el, source));
                }
            }
        }
        return Optional.empty();
    }

    private List<Evidence> shot(Marks marks, Hit hit) {
        return marks.shots().element(hit.source().shown(hit.element()));
    }

    private void conac(Marks marks) {
        Optional<Hit> link = first(marks, "a[href]", a -> hostIn(a.absUrl("href"), rules.conacLinkHosts()));
        Optional<Hit> badge = first(marks, "img[src]", img -> rules.conacImageHints().stream()
                .anyMatch(h -> img.attr("src").toLowerCase(Locale.ROOT).contains(h)) || img.attr("alt").contains("党政机关"));
        Optional<Hit> embed = first(marks, "script[src]", s -> hostIn(s.absUrl("src"), rules.conacScriptHosts()));
        if (link.isEmpty() && badge.isEmpty() && embed.isEmpty()) {
            absent("conac", "党政机关网站标识", "页脚缺少党政机关网站标识（无 bszs.conac.cn 证书链接，也无标识图片）",
                    marks);
            return;
        }
        if (badge.isPresent() && badge.get().element().attr("src").contains("_error")) {
            marks.add(new Finding(INDICATOR, "footer.conac.error", Severity.DEDUCT, marks.url(),
                    "党政机关网站标识显示为错误状态图片（" + badge.get().element().attr("src") + "）", shot(marks, badge.get())));
        } else if (link.isEmpty() && embed.isEmpty()) {
            marks.add(new Finding(INDICATOR, "footer.conac.unlinked", Severity.DEDUCT, marks.url(),
                    "党政机关网站标识未链接到 bszs.conac.cn 的开办资格证书页面", shot(marks, badge.get())));
        } else if (link.isPresent() && !CONAC_ID.matcher(link.get().element().absUrl("href")).matches()) {
            marks.add(new Finding(INDICATOR, "footer.conac.bad-link", Severity.DEDUCT, marks.url(),
                    "党政机关网站标识的证书链接缺少32位证书编号：" + link.get().element().absUrl("href"), shot(marks, link.get())));
        }
    }

    /**
     * The 找错 entry: the platform's script ({@code <script id="_jiucuo_" sitecode=…>}), a link to the platform, or
     * its icon calling {@code Link(…)} as the script leaves it.
     *
     * @return the 找错 sitecode, or null
     */
    private String jiucuo(Marks marks) {
        Optional<Hit> script = first(marks, "#_jiucuo_", el -> true);
        Optional<Hit> link = first(marks, "a[href]", a -> hostIn(a.absUrl("href"), rules.jiucuoLinkHosts()));
        Pattern click = Pattern.compile(rules.jiucuoClick());
        Optional<Hit> icon = first(marks, "[onclick]", el -> click.matcher(el.attr("onclick")).find()
                && (jiucuoImage(el) || el.closest("#_span_jiucuo") != null));
        if (script.isEmpty() && link.isEmpty() && icon.isEmpty()) {
            absent("jiucuo", "“我为政府网站找错”入口", "页面缺少“我为政府网站找错”入口", marks);
            return null;
        }
        String code = script.map(s -> s.element().attr("sitecode").trim()).filter(c -> !c.isEmpty()).orElse(null);
        if (code == null && link.isPresent()) {
            Matcher m = Pattern.compile(rules.siteCodeParameter()).matcher(link.get().element().attr("href"));
            code = m.find() ? m.group(1) : null;
        }
        if (code == null && icon.isPresent()) {
            Matcher m = click.matcher(icon.get().element().attr("onclick"));
            code = m.find() ? m.group(1) : null;
        }
        return code;
    }

    private boolean jiucuoImage(Element el) {
        String src = (el.attr("src") + " " + el.select("img[src]").attr("src")).toLowerCase(Locale.ROOT);
        return rules.jiucuoImageHints().stream().anyMatch(src::contains);
    }

    private void siteCodes(Document doc, String footerCode, String jiucuoCode, CheckContext ctx, Marks marks) {
        Map<String, String> sources = new LinkedHashMap<>();
        if (footerCode != null) {
            sources.put("页脚", footerCode);
        }
        Element meta = doc.selectFirst("meta[name=SiteIDCode]");
        if (meta != null && !meta.attr("content").isBlank()) {
            sources.put("SiteIDCode 元数据", meta.attr("content").trim());
        }
        if (jiucuoCode != null) {
            sources.put("找错 sitecode", jiucuoCode);
        }
        if (ctx.site().siteCode() != null) {
            sources.put("站点文件 siteCode", ctx.site().siteCode());
        }
        Set<String> distinct = new LinkedHashSet<>(sources.values());
        if (distinct.size() > 1) {
            StringBuilder sb = new StringBuilder("网站标识码前后不一致：");
            sources.forEach((k, v) -> sb.append(k).append(" ").append(v).append("；"));
            sb.setLength(sb.length() - 1);
            marks.add(new Finding(INDICATOR, "footer.sitecode.mismatch", Severity.DEDUCT, ctx.page().url(),
                    sb.toString(), marks.shots().footer()));
        }
    }

    private void meta(Document doc, String url, List<Finding> findings) {
        List<String> missing = rules.requiredMeta().stream()
                .filter(name -> doc.selectFirst("meta[name=" + name + "]") == null).toList();
        if (!missing.isEmpty()) {
            findings.add(new Finding(INDICATOR, "meta.missing", Severity.WARN, url,
                    "首页缺少网站元数据标签：" + String.join("、", missing), List.of()));
        }
    }

    static boolean hostIn(String url, List<String> hosts) {
        String host = FooterResources.host(url);
        return !host.isEmpty() && hosts.contains(host);
    }

    /** Screenshots of the footer (taken once) and of single elements. */
    static final class FooterEvidence {
        private final CheckContext ctx;
        private final Element footer;
        private List<Evidence> footerShot;

        FooterEvidence(CheckContext ctx, Element footer) {
            this.ctx = ctx;
            this.footer = footer;
        }

        List<Evidence> footer() {
            if (footerShot == null) {
                footerShot = outlined(footer);
            }
            return footerShot;
        }

        List<Evidence> element(Element el) {
            return el == footer ? footer() : outlined(el);
        }

        private List<Evidence> outlined(Element el) {
            return ctx.page().outlinedScreenshot(el.cssSelector())
                    .map(png -> List.of(ctx.evidence().screenshot("footer-outlined", png, ctx.page().url())))
                    .orElse(List.of());
        }
    }
}

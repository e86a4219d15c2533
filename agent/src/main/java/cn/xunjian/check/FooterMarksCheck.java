package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.check.FooterMarkRules.TextMark;
import cn.xunjian.model.Evidence;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * W-D2 footer marks: 党政机关网站标识, 网站标识码, ICP备案编号, 公安机关备案标识 and the 我为政府网站找错 entry, read
 * from the rendered DOM and, when a mark is drawn only in an image, by OCR of that image. QR codes in the footer
 * are decoded and listed. The 网站标识码 is cross-checked with the {@code SiteIDCode} meta, the 找错 sitecode and
 * the site file.
 */
public final class FooterMarksCheck implements HomePageCheck {
    static final String INDICATOR = "W-D2";
    /** The text of every QR code decoded in the footer, for the checks that open what they point to. */
    public static final Fact<String> QR_CODES = new Fact<>("footer QR codes", String.class);
    private final FooterMarkRules rules;

    public FooterMarksCheck(FooterMarkRules rules) {
        this.rules = rules;
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
        Element footer = FooterLocator.find(doc, rules);
        FooterEvidence shots = new FooterEvidence(ctx, footer);
        List<Finding> findings = new ArrayList<>();
        FooterImages images = FooterImages.read(ctx, footer, rules, findings);

        String domText = footer.text();
        Map<String, String> values = new LinkedHashMap<>();
        for (TextMark mark : rules.textMarks()) {
            Optional<String> inDom = match(mark, domText);
            if (inDom.isPresent()) {
                values.put(mark.id(), inDom.get());
                linkCheck(mark, footer, null, page.url(), findings, shots);
                continue;
            }
            Optional<FooterImages.OcrHit> hit = images.ocrFind(mark);
            if (hit.isPresent()) {
                values.put(mark.id(), hit.get().value());
                findings.add(new Finding(INDICATOR, "footer." + mark.id() + ".image-only", Severity.INFO, page.url(),
                        mark.name() + "仅以图片呈现，经 OCR 识别为“" + hit.get().value() + "”（页面文字中没有）",
                        hit.get().evidence()));
                linkCheck(mark, footer, hit.get().image(), page.url(), findings, shots);
            } else {
                findings.add(new Finding(INDICATOR, "footer." + mark.id() + ".missing", Severity.DEDUCT, page.url(),
                        "页脚缺少" + mark.name() + "（页面文字和图片 OCR 均未找到）", shots.footer()));
            }
        }
        conac(doc, page.url(), findings, shots);
        String jiucuoCode = jiucuo(doc, page.url(), findings, shots);
        siteCodes(doc, values.get("sitecode"), jiucuoCode, ctx, findings, shots);
        meta(doc, page.url(), findings);
        return findings;
    }

    static Optional<String> match(TextMark mark, String text) {
        Matcher m = mark.regex().matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1).replaceAll("\\s+", ""));
        }
        return Optional.empty();
    }

    private void linkCheck(TextMark mark, Element footer, Element image, String url, List<Finding> findings,
                           FooterEvidence shots) {
        if (mark.linkHosts().isEmpty()) {
            return;
        }
        boolean linked = footer.select("a[href]").stream().anyMatch(a -> hostIn(a.absUrl("href"), mark.linkHosts()));
        if (!linked) {
            findings.add(new Finding(INDICATOR, "footer." + mark.id() + ".unlinked", Severity.WARN, url,
                    mark.name() + "未链接到备案查询网站（" + String.join(" 或 ", mark.linkHosts()) + "）", shots.footer()));
        }
    }

    private void conac(Document doc, String url, List<Finding> findings, FooterEvidence shots) {
        Optional<Element> link = doc.select("a[href]").stream()
                .filter(a -> hostIn(a.absUrl("href"), rules.conacLinkHosts())).findFirst();
        Optional<Element> badge = doc.select("img[src]").stream()
                .filter(img -> rules.conacImageHints().stream().anyMatch(h -> img.attr("src").toLowerCase(Locale.ROOT).contains(h))
                        || img.attr("alt").contains("党政机关"))
                .findFirst();
        if (link.isEmpty() && badge.isEmpty()) {
            findings.add(new Finding(INDICATOR, "footer.conac.missing", Severity.DEDUCT, url,
                    "页脚缺少党政机关网站标识（无 bszs.conac.cn 证书链接，也无标识图片）", shots.footer()));
            return;
        }
        if (badge.isPresent() && badge.get().attr("src").contains("_error")) {
            findings.add(new Finding(INDICATOR, "footer.conac.error", Severity.DEDUCT, url,
                    "党政机关网站标识显示为错误状态图片（" + badge.get().attr("src") + "）", shots.element(badge.get())));
        } else if (link.isEmpty()) {
            findings.add(new Finding(INDICATOR, "footer.conac.unlinked", Severity.DEDUCT, url,
                    "党政机关网站标识未链接到 bszs.conac.cn 的开办资格证书页面", shots.element(badge.get())));
        } else if (!link.get().absUrl("href").matches("(?i).*[?&]id=[0-9a-f]{32}.*")) {
            findings.add(new Finding(INDICATOR, "footer.conac.bad-link", Severity.DEDUCT, url,
                    "党政机关网站标识的证书链接缺少32位证书编号：" + link.get().absUrl("href"), shots.element(link.get())));
        }
    }

    /** @return the 找错 sitecode, or null */
    private String jiucuo(Document doc, String url, List<Finding> findings, FooterEvidence shots) {
        Element script = doc.getElementById("_jiucuo_");
        String code = script != null && !script.attr("sitecode").isBlank() ? script.attr("sitecode").trim() : null;
        Optional<Element> link = doc.select("a[href]").stream()
                .filter(a -> hostIn(a.absUrl("href"), rules.jiucuoLinkHosts())).findFirst();
        if (code == null && link.isPresent()) {
            Matcher m = java.util.regex.Pattern.compile("site_?code=([0-9A-Za-z]+)").matcher(link.get().attr("href"));
            code = m.find() ? m.group(1) : null;
        }
        if (script == null && link.isEmpty()) {
            findings.add(new Finding(INDICATOR, "footer.jiucuo.missing", Severity.DEDUCT, url,
                    "页面缺少“我为政府网站找错”入口", shots.footer()));
        }
        return code;
    }

    private void siteCodes(Document doc, String footerCode, String jiucuoCode, CheckContext ctx,
                           List<Finding> findings, FooterEvidence shots) {
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
            findings.add(new Finding(INDICATOR, "footer.sitecode.mismatch", Severity.DEDUCT, ctx.page().url(),
                    sb.toString(), shots.footer()));
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
        try {
            String host = URI.create(url).getHost();
            return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
                footerShot = element(footer);
            }
            return footerShot;
        }

        List<Evidence> element(Element el) {
            return ctx.page().outlinedScreenshot(el.cssSelector())
                    .map(png -> List.of(ctx.evidence().screenshot("footer-outlined", png, ctx.page().url())))
                    .orElse(List.of());
        }
    }
}

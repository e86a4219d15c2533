package cn.xunjian.report;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.Evidence;
import cn.xunjian.history.FindingChange;
import cn.xunjian.history.HistoryHtml;
import cn.xunjian.history.SiteHistory;
import cn.xunjian.score.Indicator;
import cn.xunjian.score.IndicatorCatalogue;
import cn.xunjian.vision.ImageScaling;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Entities;

/**
 * Writes report.html: one self-contained file (styles inline, thumbnails embedded as data URIs) that opens
 * offline; each thumbnail links to the full evidence file beside it in the run directory.
 */
public final class ReportHtmlWriter {
    public static final String FILE = "report.html";
    private static final int THUMB = 360;
    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
            header{background:#b4141b;color:#fff;padding:16px 32px}header h1{margin:0;font-size:24px}
            main{padding:16px 32px}section.site{background:#fff;margin:16px 0;padding:16px 24px;border-radius:6px;box-shadow:0 1px 3px #0002}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}
            .verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:bold}
            .pass{background:#2e7d32}.fail{background:#c62828}
            .sev{display:inline-block;min-width:4em;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;text-align:center}
            .sev-veto{background:#c62828}.sev-deduct{background:#ef6c00}.sev-warn{background:#9e9d24}.sev-info{background:#546e7a}
            li.finding{margin:8px 0}.url{color:#555;font-size:12px;word-break:break-all}
            .evidence img{max-width:360px;border:1px solid #999;margin:4px 8px 0 0;vertical-align:top}
            .evidence a.file{font-size:12px;margin-right:8px}
            """;

    private final IndicatorCatalogue catalogue;

    public ReportHtmlWriter(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Path write(Report report, Path runDir) throws IOException {
        return write(report, runDir, Map.of());
    }

    /**
     * Writes the report; a site with a history (under the daemon: the stored week of probes and the previous run)
     * gains its availability week, chart and forecast, and each finding a 新发现 / 仍存在 mark.
     *
     * @param histories by site URL
     */
    public Path write(Report report, Path runDir, Map<String, SiteHistory> histories) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>巡检报告 ").append(esc(report.generatedAt())).append("</title><style>")
                .append(STYLE).append(HistoryHtml.STYLE).append("</style></head><body>\n");
        html.append("<header><h1>政府网站巡检报告</h1><div>生成时间：").append(esc(report.generatedAt()))
                .append("</div></header>\n<main>\n");
        summary(html, report);
        for (int i = 0; i < report.sites().size(); i++) {
            SiteReport site = report.sites().get(i);
            site(html, site, i + 1, runDir, Optional.ofNullable(histories.get(site.url())));
        }
        html.append("</main></body></html>\n");
        Path file = runDir.resolve(FILE);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private void summary(StringBuilder html, Report report) {
        Summary s = report.summary();
        html.append("<section class=\"site\" id=\"summary\"><h2>总体情况</h2><p>本次共检查网站 <b>")
                .append(s.checked()).append("</b> 个，合格 <b>").append(s.passed()).append("</b> 个，合格率 <b>")
                .append(s.percent()).append("</b>。</p>\n")
                .append("<table><tr><th>序号</th><th>网站名称</th><th>网站标识码</th><th>结论</th><th>得分</th><th>网站问题数</th></tr>\n");
        int i = 1;
        for (SiteReport site : report.sites()) {
            long problems = site.findings().stream().filter(f -> f.severity() != Severity.INFO
                    && !catalogue.aboutNewMedia(f.indicator())).count();
            html.append("<tr><td>").append(i).append("</td><td><a href=\"#site-").append(i).append("\">")
                    .append(esc(site.name())).append("</a></td><td>").append(esc(nz(site.siteCode())))
                    .append("</td><td>").append(verdict(site)).append("</td><td>").append(score(site))
                    .append("</td><td>").append(problems).append("</td></tr>\n");
            i++;
        }
        html.append("</table>\n");
        byIndicator(html, report);
        newMedia(html, report);
        html.append("</section>\n");
    }

    /** The batch by indicator: how many sites and problems each indicator caught, as the 通报 groups them. */
    private void byIndicator(StringBuilder html, Report report) {
        StringBuilder rows = new StringBuilder();
        for (Indicator ind : catalogue.indicators()) {
            long sites = 0;
            long problems = 0;
            for (SiteReport site : report.sites()) {
                long n = site.findings().stream()
                        .filter(f -> f.indicator().equals(ind.id()) && f.severity() != Severity.INFO).count();
                sites += n > 0 ? 1 : 0;
                problems += n;
            }
            if (problems > 0) {
                rows.append("<tr><td>").append(esc(ind.id())).append("</td><td>").append(esc(ind.name()))
                        .append("</td><td>").append(typeLabel(ind.type())).append("</td><td>").append(sites)
                        .append("</td><td>").append(problems).append("</td></tr>\n");
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h3>按指标汇总</h3>\n<table><tr><th>指标</th><th>名称</th><th>类型</th><th>涉及网站</th>")
                .append("<th>问题数</th></tr>\n").append(rows).append("</table>\n");
    }

    /** New-media accounts, mini programs and web views, each judged on its own. */
    private void newMedia(StringBuilder html, Report report) {
        List<NewMediaAccounts.Account> accounts = NewMediaAccounts.of(report);
        if (accounts.isEmpty()) {
            return;
        }
        Summary tally = NewMediaAccounts.summary(accounts);
        html.append("<h3 id=\"newmedia\">政务新媒体</h3>\n<p>共检查政务新媒体（含小程序、网页应用） <b>").append(tally.checked())
                .append("</b> 个，合格 <b>").append(tally.passed()).append("</b> 个，合格率 <b>").append(tally.percent())
                .append("</b>。</p>\n")
                .append("<table><tr><th>序号</th><th>账号名称</th><th>开设主体</th><th>结论</th><th>问题</th></tr>\n");
        int i = 1;
        for (NewMediaAccounts.Account a : accounts) {
            List<String> problems = a.problems().stream().map(Finding::message).toList();
            html.append("<tr><td>").append(i++).append("</td><td><a href=\"").append(esc(a.url())).append("\">")
                    .append(esc(a.name())).append("</a></td><td>").append(esc(a.site())).append("</td><td>")
                    .append(a.passed() ? "<span class=\"verdict pass\">合格</span>" : "<span class=\"verdict fail\">不合格</span>")
                    .append("</td><td>").append(problems.isEmpty() ? "无" : esc(String.join("；", problems)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String typeLabel(String type) {
        return switch (type) {
            case "veto" -> "单项否决";
            case "deduct" -> "扣分";
            default -> "提示";
        };
    }

    private void site(StringBuilder html, SiteReport site, int index, Path runDir, Optional<SiteHistory> history) {
        html.append("<section class=\"site\" id=\"site-").append(index).append("\"><h2>").append(esc(site.name()))
                .append(" ").append(verdict(site)).append("</h2>\n<p>网址：<a href=\"").append(esc(site.url())).append("\">")
                .append(esc(site.url())).append("</a>　网站标识码：").append(esc(nz(site.siteCode())))
                .append("　得分：").append(score(site)).append("</p>\n");
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Indicator ind : catalogue.indicators()) {
            List<Finding> fs = site.findings().stream().filter(f -> f.indicator().equals(ind.id())).toList();
            if (!fs.isEmpty()) {
                groups.put(ind.id(), fs);
            }
        }
        history.ifPresent(h -> html.append(HistoryHtml.section(h)));
        if (groups.isEmpty()) {
            html.append("<p>未发现问题。</p>\n");
        }
        for (var g : groups.entrySet()) {
            Indicator ind = catalogue.indicator(g.getKey());
            long problems = g.getValue().stream().filter(f -> f.severity() != Severity.INFO).count();
            html.append("<h3 class=\"indicator\">").append(esc(ind.id())).append(" ").append(esc(ind.name()))
                    .append(problems == 0 ? "（无问题）" : "（" + problems + "项问题）").append("</h3>\n<ul>\n");
            // problems first, the gravest on top; what was checked and found in order comes last
            for (Finding f : g.getValue().stream().sorted(Comparator.comparing(Finding::severity)).toList()) {
                finding(html, f, runDir, history.flatMap(h -> h.changeOf(f)));
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private void finding(StringBuilder html, Finding f, Path runDir, Optional<FindingChange.Change> change) {
        html.append("<li class=\"finding\"><span class=\"sev sev-").append(f.severity().json()).append("\">")
                .append(esc(f.severity().label())).append("</span> ").append(change.map(HistoryHtml::badge).orElse(""))
                .append(esc(f.message()))
                .append("<div class=\"url\">").append(esc(f.url())).append("　[").append(esc(f.kind())).append("]</div>");
        if (!f.evidence().isEmpty()) {
            html.append("<div class=\"evidence\">");
            for (Evidence e : f.evidence()) {
                Optional<String> thumb = isImage(e) ? thumbnail(runDir.resolve(e.path())) : Optional.empty();
                if (thumb.isPresent()) {
                    html.append("<a href=\"").append(esc(e.path())).append("\" title=\"").append(esc(e.path()))
                            .append("\"><img alt=\"").append(esc(e.type())).append("\" src=\"").append(thumb.get())
                            .append("\"></a>");
                } else {
                    html.append("<a class=\"file\" href=\"").append(esc(e.path())).append("\">[")
                            .append(esc(e.type())).append("] ").append(esc(e.path())).append("</a>");
                }
            }
            html.append("</div>");
        }
        html.append("</li>\n");
    }

    private static boolean isImage(Evidence e) {
        return e.path().endsWith(".png") || e.path().endsWith(".jpg");
    }

    private static Optional<String> thumbnail(Path file) {
        try {
            Optional<BufferedImage> img = ImageScaling.decode(Files.readAllBytes(file));
            if (img.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage small = ImageScaling.scale(img.get(),
                    Math.min(1.0, (double) THUMB / Math.max(1, img.get().getWidth())));
            if (small.getHeight() > THUMB * 2) {
                small = small.getSubimage(0, 0, small.getWidth(), THUMB * 2);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String verdict(SiteReport site) {
        return "<span class=\"verdict " + (site.passed() ? "pass" : "fail") + "\">" + esc(site.verdict().label()) + "</span>";
    }

    private static String score(SiteReport site) {
        return site.score() == null ? "—（单项否决）" : String.format(Locale.ROOT, "%.2f", site.score());
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}

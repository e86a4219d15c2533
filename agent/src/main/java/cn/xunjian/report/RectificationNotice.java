package cn.xunjian.report;

import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.report.OfficialDocument.Align;
import cn.xunjian.report.OfficialDocument.Block;
import cn.xunjian.report.OfficialDocument.Face;
import cn.xunjian.report.OfficialDocument.Para;
import cn.xunjian.score.Indicator;
import cn.xunjian.score.IndicatorCatalogue;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The 整改通知书 a failing site's operator receives: each problem as the 通报 names it, then for each finding the page
 * or link, the indicator, the evidence files with their SHA-256 (as manifest.json has them, so the operator can check
 * them with {@code ./xunjian verify}) and a thumbnail of its screenshot; the 整改期限 and where to send 整改情况.
 * Written as {@code rectification/<网站标识码>.docx} and {@code .pdf}.
 */
public final class RectificationNotice {
    public static final String DIR = "rectification";
    private static final int THUMB_PIXELS = 480;
    private static final double THUMB_POINTS = 300;

    private final IndicatorCatalogue catalogue;
    private final ProblemLines lines;
    private final int maxThumbnails;

    public RectificationNotice(IndicatorCatalogue catalogue, ProblemLines lines, int maxThumbnails) {
        this.catalogue = catalogue;
        this.lines = lines;
        this.maxThumbnails = maxThumbnails;
    }

    /** The file name (without extension) of the notice of the {@code index}-th site (from 1): its 网站标识码. */
    public static String baseName(SiteReport site, int index) {
        return site.siteCode() == null || site.siteCode().isBlank()
                ? String.format(Locale.ROOT, "site-%02d", index) : site.siteCode();
    }

    /**
     * The notice for one failing site of a report generated at {@code generatedAt}; screenshots are read from
     * {@code runDir}, where the evidence paths point.
     */
    public OfficialDocument of(SiteReport site, String generatedAt, Circular.Masthead masthead, String signer,
                               Path runDir) {
        OffsetDateTime at = OffsetDateTime.parse(generatedAt);
        String date = Circular.chineseDate(at.toLocalDate());
        String title = "关于" + site.name() + "网站存在问题限期整改的通知书";
        List<Block> b = new ArrayList<>();
        b.add(new Para(masthead.issuerMark(), Face.XIAOBIAOSONG, 36, Align.CENTER, true));
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(masthead.documentNumber(), Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new OfficialDocument.RedRule());
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(title, Face.XIAOBIAOSONG, OfficialDocument.SIZE_2, Align.CENTER, false));
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.CENTER, false));
        b.add(new Para(site.name() + "：", Face.FANGSONG, OfficialDocument.SIZE_3, Align.LEFT, false));
        String code = site.siteCode() == null || site.siteCode().isBlank() ? "" : "，网站标识码" + site.siteCode();
        b.add(Para.body(String.format(Locale.ROOT, "经%s检查，你单位主办的%s网站（%s%s）检查结论为%s，存在以下问题。"
                        + "请对照问题逐项整改，于%s前完成，并将整改情况报送%s。", date, site.name(), site.url(), code,
                site.verdict().label(), masthead.deadline(), masthead.replyTo())));
        int thumbs = 0;
        List<Finding> ofSite = site.findings().stream()
                .filter(f -> !catalogue.indicator(f.indicator()).newMedia()).toList();
        List<ProblemLines.Line> problems = lines.of(site.url(), ofSite);
        for (int i = 0; i < problems.size(); i++) {
            ProblemLines.Line line = problems.get(i);
            b.add(new Para(CircularWriter.item(i) + line.text() + (line.veto() ? "（单项否决）" : ""), Face.KAITI,
                    OfficialDocument.SIZE_3, Align.INDENT, false));
            for (int j = 0; j < line.findings().size(); j++) {
                Finding f = line.findings().get(j);
                Indicator ind = catalogue.indicator(f.indicator());
                b.add(Para.body(String.format(Locale.ROOT, "%d. %s", j + 1, f.message())));
                b.add(small("网址：" + f.url()));
                b.add(small("指标：" + f.indicator() + " " + ind.name() + "（" + severity(f) + "）"));
                for (Evidence e : f.evidence()) {
                    b.add(small("证据：" + e.path() + "（SHA-256：" + e.sha256() + "）"));
                }
                Optional<Evidence> shot = f.evidence().stream().filter(e -> e.type().equals("screenshot")).findFirst();
                if (shot.isPresent() && thumbs < maxThumbnails) {
                    Optional<OfficialDocument.Picture> pic = thumbnail(runDir.resolve(shot.get().path()),
                            "截图：" + shot.get().path());
                    if (pic.isPresent()) {
                        b.add(pic.get());
                        thumbs++;
                    }
                }
            }
        }
        b.add(Para.body("特此通知。"));
        b.add(new Para("", Face.FANGSONG, OfficialDocument.SIZE_3, Align.LEFT, false));
        b.add(new Para(signer + "　　", Face.FANGSONG, OfficialDocument.SIZE_3, Align.RIGHT, false));
        b.add(new Para(date + "　　　　", Face.FANGSONG, OfficialDocument.SIZE_3, Align.RIGHT, false));
        return new OfficialDocument(title, b);
    }

    /** The particulars under a finding, in 小四 so that a long list of evidence stays readable. */
    private static Para small(String text) {
        return new Para(text, Face.FANGSONG, OfficialDocument.SIZE_SMALL_4, Align.INDENT, false);
    }

    private static String severity(Finding f) {
        return switch (f.severity()) {
            case VETO -> "单项否决";
            case DEDUCT -> "扣分";
            case WARN -> "提醒";
            case INFO -> "提示";
        };
    }

    /** The screenshot scaled to a thumbnail, as PNG; empty when the file is missing or not an image. */
    static Optional<OfficialDocument.Picture> thumbnail(Path file, String caption) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return Optional.empty();
            }
            int w = Math.min(THUMB_PIXELS, image.getWidth());
            int h = Math.max(1, (int) Math.round((double) image.getHeight() * w / image.getWidth()));
            int maxH = THUMB_PIXELS * 3 / 2;
            if (h > maxH) {
                // a full-page screenshot is cut to its top: the thumbnail shows where, the evidence file shows all
                image = image.getSubimage(0, 0, image.getWidth(), (int) ((long) maxH * image.getWidth() / w));
                h = maxH;
            }
            BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(thumb, "png", png);
            return Optional.of(new OfficialDocument.Picture(png.toByteArray(), w, h, THUMB_POINTS, caption));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read screenshot " + file, e);
        }
    }
}

package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;

import cn.xunjian.check.FooterMarkRules.TextMark;
import cn.xunjian.model.Evidence;
import cn.xunjian.vision.ImageScaling;
import cn.xunjian.vision.OcrException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Element;

/**
 * The images of a footer (and of the frames and script-written HTML that show it): QR codes are decoded (and
 * reported) on reading; the others are OCR'd on demand, each at most once, when a mark is not found in the page
 * text. An image that cannot be fetched is told to the footer's resources; a failure on one image is recorded,
 * never fatal.
 */
final class FooterImages {
    /** A mark read from an image. */
    record OcrHit(String value, Element image, List<Evidence> evidence) {
    }

    private record Img(Element element, String url, BufferedImage image) {
    }

    private final CheckContext ctx;
    private final List<Img> ocrCandidates;
    private final List<Finding> findings;
    private final FooterMarkRules rules;
    private final Map<Img, String> ocrTexts = new HashMap<>();

    private FooterImages(CheckContext ctx, List<Img> ocrCandidates, List<Finding> findings, FooterMarkRules rules) {
        this.ctx = ctx;
        this.ocrCandidates = ocrCandidates;
        this.findings = findings;
        this.rules = rules;
    }

    static FooterImages read(CheckContext ctx, List<Element> roots, FooterMarkRules rules, List<Finding> findings,
                             FooterResources resources) {
        Set<String> seen = new LinkedHashSet<>();
        List<Img> candidates = new ArrayList<>();
        for (Element root : roots) {
            for (Element el : root.select("img[src]")) {
                String url = el.absUrl("src");
                if (url.isEmpty() || !seen.add(url)) {
                    continue;
                }
                Optional<byte[]> bytes = ctx.page().fetch(url);
                if (bytes.isEmpty()) {
                    resources.imageFailed(el, url); // a broken link of its own is reported by the link check
                    continue;
                }
                Optional<BufferedImage> image = ImageScaling.decode(bytes.get());
                if (image.isEmpty()) {
                    continue;
                }
                if (decodeQr(ctx, el, url, image.get(), findings)) {
                    continue;
                }
                boolean badge = rules.conacImageHints().stream()
                        .anyMatch(h -> url.toLowerCase(Locale.ROOT).contains(h));
                if (!badge && candidates.size() < rules.maxOcrImages()) {
                    candidates.add(new Img(el, url, image.get()));
                }
            }
        }
        return new FooterImages(ctx, candidates, findings, rules);
    }

    private static boolean decodeQr(CheckContext ctx, Element el, String url, BufferedImage image, List<Finding> findings) {
        List<String> texts;
        try {
            texts = ctx.qr().decode(image);
        } catch (RuntimeException e) {
            findings.add(new Finding(FooterMarksCheck.INDICATOR, "footer.qr.failed", Severity.INFO, url,
                    "页脚图片二维码识别出错：" + e, List.of()));
            return false;
        }
        if (texts.isEmpty()) {
            return false;
        }
        List<Evidence> evidence = List.of(
                ctx.evidence().image("qr", "qr-image", png(image), url),
                ctx.evidence().text("qr", "qr-decoded", String.join("\n", texts) + "\n", url));
        ctx.facts().addAll(FooterMarksCheck.QR_CODES, texts);
        String label = el.attr("alt").isBlank() ? "" : "“" + el.attr("alt") + "”";
        findings.add(new Finding(FooterMarksCheck.INDICATOR, "footer.qr", Severity.INFO, url,
                "页脚二维码" + label + "指向：" + String.join("；", texts), evidence));
        return true;
    }

    Optional<OcrHit> ocrFind(TextMark mark) {
        for (Img img : ocrCandidates) {
            String text = ocr(img);
            if (text == null) {
                continue;
            }
            Optional<String> value = FooterMarksCheck.match(mark, rules.normalise(text).replace(" ", ""));
            if (value.isPresent()) {
                List<Evidence> evidence = List.of(
                        ctx.evidence().image("ocr", "ocr-image-" + mark.id(), png(img.image()), img.url()),
                        ctx.evidence().text("ocr", "ocr-text-" + mark.id(), text + "\n", img.url()));
                return Optional.of(new OcrHit(value.get(), img.element(), evidence));
            }
        }
        return Optional.empty();
    }

    private String ocr(Img img) {
        if (ocrTexts.containsKey(img)) {
            return ocrTexts.get(img);
        }
        String text;
        try {
            text = ctx.ocr().read(img.image());
        } catch (OcrException | LinkageError e) {
            findings.add(new Finding(FooterMarksCheck.INDICATOR, "footer.ocr.failed", Severity.INFO, img.url(),
                    "页脚图片 OCR 失败：" + e.getMessage(), List.of()));
            text = null;
        }
        ocrTexts.put(img, text);
        return text;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

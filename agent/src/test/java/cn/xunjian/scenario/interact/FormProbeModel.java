package cn.xunjian.scenario.interact;

import cn.xunjian.internal.Json;
import cn.xunjian.testing.FakeScenarioPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What {@code form-probe.js} reports on a fake page, read from its DOM by the script's own rules (the controls it
 * lists, their labels and state, the captcha signs) and marking each control with {@code data-xj-field} as the
 * script does. Visibility is the fake page's: inline styles and the {@code hidden} attribute. ConsultationIT keeps
 * the script itself honest on real Chromium.
 */
final class FormProbeModel {
    /** A fragment of the probe's source that tells it apart from other scripts. */
    static final String MARKER = "data-xj-field";
    private static final String CONTROLS =
            "input, textarea, select, button, [role=button], a[onclick], a.btn, a.submit, span.btn, div.btn";

    private FormProbeModel() {
    }

    static String answer(FakeScenarioPage page) {
        Document dom = page.dom();
        dom.select("[data-xj-field]").removeAttr("data-xj-field");
        List<FormProbe.Field> fields = new ArrayList<>();
        int n = 0;
        for (Element el : dom.select(CONTROLS)) {
            String tag = el.tagName().toLowerCase(Locale.ROOT);
            String type = (el.hasAttr("type") ? el.attr("type") : tag.equals("input") ? "text" : "")
                    .toLowerCase(Locale.ROOT);
            if (type.equals("hidden")) {
                continue;
            }
            el.attr("data-xj-field", String.valueOf(n));
            fields.add(new FormProbe.Field(n++, tag, type, el.attr("name"), el.id(), el.attr("placeholder"),
                    labelOf(dom, el), clip(tag.equals("input") ? el.attr("value") : FakeScenarioPage.visibleText(el)),
                    clip(el.className()), FakeScenarioPage.visible(el),
                    !el.hasAttr("disabled") && !el.hasAttr("readonly"),
                    el.hasAttr("required") || el.attr("aria-required").equals("true"),
                    tag.equals("select") ? el.select("option").eachAttr("value") : List.of()));
        }
        List<FormProbe.Signal> captcha = new ArrayList<>();
        for (Element img : dom.select("img")) {
            String hay = String.join(" ", img.absUrl("src"), img.attr("alt"), img.id(), img.className(),
                    img.attr("title")).toLowerCase(Locale.ROOT);
            Element near = img.parent() == null ? null : img.parent().closest("tr, li, p, div, td");
            String nearby = near == null ? "" : clip(FakeScenarioPage.visibleText(near));
            captcha.add(new FormProbe.Signal("img", hay + " " + nearby.toLowerCase(Locale.ROOT),
                    FakeScenarioPage.visible(img)));
        }
        for (Element el : dom.select("div, span, iframe")) {
            String hay = String.join(" ", el.id(), el.className(), el.attr("src")).toLowerCase(Locale.ROOT);
            if (!hay.isBlank()) {
                captcha.add(new FormProbe.Signal("widget",
                        hay + " " + (el.children().isEmpty() ? clip(FakeScenarioPage.visibleText(el)) : ""),
                        FakeScenarioPage.visible(el)));
            }
        }
        try {
            return Json.mapper().writeValueAsString(new FormProbe(fields, captcha));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String labelOf(Document dom, Element el) {
        if (!el.id().isEmpty()) {
            for (Element l : dom.select("label[for]")) {
                if (l.attr("for").equals(el.id())) {
                    return clip(FakeScenarioPage.visibleText(l));
                }
            }
        }
        Element wrap = el.closest("label");
        if (wrap != null) {
            return clip(FakeScenarioPage.visibleText(wrap));
        }
        Element row = el.closest("tr, li, dl, .form-group, .form-item, .row, p, div");
        return row == null ? "" : clip(FakeScenarioPage.visibleText(row));
    }

    private static String clip(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 60) : one;
    }
}

package cn.xunjian.check;

import cn.xunjian.browser.AuditPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The places a page's footer marks are looked for, in order: the footer, what inline scripts write, the documents
 * of the frames that may show the footer, then the rest of the page (a footer that was not found, or found wrongly,
 * costs no mark). HTML comments are no place: the parser keeps them out of every one.
 */
final class FooterSources {
    private FooterSources() {
    }

    static List<MarkSource> collect(Document doc, Element footer, boolean located, AuditPage page,
                                    FooterResources resources) {
        List<MarkSource> sources = new ArrayList<>();
        sources.add(new MarkSource(located ? "页脚" : "页面", footer, footer, true));
        for (ScriptWrites.Written w : ScriptWrites.of(doc)) {
            Document written = Jsoup.parseBodyFragment(w.html(), doc.location());
            sources.add(new MarkSource("脚本写入的内容", written, w.script(), false));
        }
        for (Element frame : resources.frames()) {
            Optional<AuditPage.FrameDocument> shown = page.frame(frame.cssSelector());
            if (shown.isEmpty()) {
                resources.frameFailed(frame);
                continue;
            }
            resources.frameLoaded(shown.get().url());
            Document frameDoc = Jsoup.parse(shown.get().html(), shown.get().url());
            sources.add(new MarkSource("框架 " + shown.get().url(), frameDoc, frame, false));
        }
        if (located) {
            sources.add(new MarkSource("页面其他位置", doc, footer, true));
        }
        return sources;
    }

    /** Where the footer's images are: every place but the rest of the page. */
    static List<Element> imageRoots(List<MarkSource> sources) {
        return sources.stream().filter(s -> !(s.ofPage() && s.root() instanceof Document)).map(MarkSource::root)
                .toList();
    }
}

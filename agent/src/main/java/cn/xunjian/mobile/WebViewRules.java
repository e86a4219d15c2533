package cn.xunjian.mobile;

import cn.xunjian.internal.RuleFiles;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Phrases and limits of the web-view check, read from {@code webview.json}.
 *
 * @param wechatOnlyPhrases text a page shows when it refuses to run outside WeChat
 * @param emptyPhrases text of a column or tab with no content (有栏目无内容)
 * @param errorPhrases text of an error page or error toast
 * @param tabSelector CSS (Playwright) selector of a view's tabs, clicked one by one
 * @param minTextChars a page with fewer visible non-space characters is blank
 */
public record WebViewRules(String source, List<String> wechatOnlyPhrases, List<String> emptyPhrases,
                           List<String> errorPhrases, String tabSelector, int maxTabs, int maxLinks, int minTextChars,
                           Timeouts timeouts) {
    public WebViewRules {
        wechatOnlyPhrases = List.copyOf(wechatOnlyPhrases);
        emptyPhrases = List.copyOf(emptyPhrases);
        errorPhrases = List.copyOf(errorPhrases);
    }

    public record Timeouts(long pageMs, long settleMs, long actionMs) {
        public Duration page() {
            return Duration.ofMillis(pageMs);
        }

        public Duration settle() {
            return Duration.ofMillis(settleMs);
        }

        public Duration action() {
            return Duration.ofMillis(actionMs);
        }
    }

    public static WebViewRules standard() {
        return RuleFiles.load(WebViewRules.class, "webview.json", WebViewRules.class);
    }

    static Optional<String> firstIn(String text, List<String> phrases) {
        return phrases.stream().filter(text::contains).findFirst();
    }
}

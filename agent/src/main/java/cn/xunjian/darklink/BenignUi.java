package cn.xunjian.darklink;

import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page furniture that hides links for good reasons (share buttons, the tip to upgrade an old browser, drop-down
 * lists under their title) and what the page script needs to recognise menus, tabs and drop-downs; read from
 * {@code benign-ui.json}.
 */
public record BenignUi(@JsonProperty("_comment") String comment, List<String> shareTargets,
                       List<String> browserDownloadHosts, List<String> upgradeTipWords, List<String> browserNames,
                       List<String> friendLinkLabels, int labelMaxChars, List<String> pseudoClasses,
                       List<String> events, int maxScriptChars) {

    public static BenignUi standard() {
        return RuleFiles.load(BenignUi.class, "benign-ui.json", BenignUi.class);
    }

    /** True when {@code url} goes to a share endpoint such as {@code service.weibo.com/share/share.php}. */
    boolean shareTarget(String url) {
        String u = url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        return shareTargets.stream().anyMatch(u::startsWith);
    }

    /** True when {@code text} (a hidden block's text) is a tip to upgrade or change the browser. */
    boolean upgradeTip(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return upgradeTipWords.stream().anyMatch(t::contains);
    }

    /** True when the link goes to a browser maker's host and names a browser. */
    boolean browserDownload(String host, String text, String title) {
        String named = (text + " " + title).toLowerCase(Locale.ROOT);
        boolean maker = browserDownloadHosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        return maker && browserNames.stream().anyMatch(named::contains);
    }

    /** The settings {@code link-visibility.js} reads as {@code cfg.ui}. */
    Map<String, Object> scriptSettings() {
        Map<String, Object> ui = new LinkedHashMap<>();
        ui.put("pseudoClasses", pseudoClasses);
        ui.put("events", events);
        ui.put("friendLinkLabels", friendLinkLabels);
        ui.put("labelMaxChars", labelMaxChars);
        ui.put("maxScriptChars", maxScriptChars);
        return ui;
    }
}

package cn.xunjian.darklink;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Spider and referer profiles, key pages, thresholds and the screenshot budget for hijacked links of
 * {@link HijackCheck}; read from {@code hijack.json}.
 */
public record HijackRules(@JsonProperty("_comment") String comment, List<Spider> spiders, List<Referer> referers,
                          List<String> keyPages, double titleSimilarity, int httpTimeoutSeconds, int maxRedirects,
                          int screenshotWidth, int screenshotMaxHeight, int outlinkScreenshots) {

    /** A search-engine spider: its user agent and the device it renders as. */
    public record Spider(String id, String label, DeviceProfile device, String userAgent) {
    }

    /** A visitor arriving from a search results page; {@code {name}} in the template is the site's name. */
    public record Referer(String id, String label, String template) {
        public String forSite(String siteName) {
            return template.replace("{name}",
                    java.net.URLEncoder.encode(siteName, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public static HijackRules standard() {
        return RuleFiles.load(HijackRules.class, "hijack.json", HijackRules.class);
    }
}

package cn.xunjian.darklink;

import cn.xunjian.internal.RuleFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds of the visibility classifier, the hosts a hidden link may point to without being a 暗链, what makes a
 * hidden link without spam wording an injected one, and the Chinese names of the hiding techniques; read from
 * {@code hidden-links.json}.
 */
public record HiddenLinkRules(@JsonProperty("_comment") String comment, Map<String, Number> classifier,
                              List<String> trustedHosts, int maxFindingsPerPage, Intent intent,
                              Map<String, String> reasonLabels) {

    /**
     * When a hidden external link without spam wording is a 暗链 rather than a 疑似暗链.
     *
     * @param injectedShapes classifier reasons no page furniture uses on a link's text
     * @param injectedBlockMinHosts how many other registrable domains one hidden block must link to
     * @param injectedBlockMinUntrustedShare the share of those that are not trusted hosts
     * @param labelledMinTrustedShare the share of trusted targets that makes a labelled hidden list a drop-down
     */
    public record Intent(@JsonProperty("_comment") String comment, List<String> injectedShapes,
                         int injectedBlockMinHosts, double injectedBlockMinUntrustedShare,
                         double labelledMinTrustedShare) {
    }

    public static HiddenLinkRules standard() {
        return RuleFiles.load(HiddenLinkRules.class, "hidden-links.json", HiddenLinkRules.class);
    }

    /** True when {@code host} is a trusted host or below one. */
    public boolean trusted(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return trustedHosts.stream().anyMatch(t -> h.equals(t) || h.endsWith("." + t));
    }

    /** The Chinese name of a classifier reason such as {@code covered:div#mask}; the reason itself if unknown. */
    public String label(String reason) {
        int colon = reason.indexOf(':');
        String key = colon < 0 ? reason : reason.substring(0, colon);
        return reasonLabels.getOrDefault(key, reason);
    }
}

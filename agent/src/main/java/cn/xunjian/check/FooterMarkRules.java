package cn.xunjian.check;

import cn.xunjian.internal.RuleFiles;
import java.util.List;
import java.util.regex.Pattern;

/** Where footers are and what their marks look like; read from {@code footer-marks.json}. */
public record FooterMarkRules(List<String> footerSelectors, List<String> footerHints, List<TextMark> textMarks,
                              List<String> conacLinkHosts, List<String> conacImageHints,
                              List<String> jiucuoLinkHosts, List<String> requiredMeta, int maxOcrImages) {

    /** A mark written as text (or drawn in an image): its regex's first group is the mark's value. */
    public record TextMark(String id, String name, String pattern, List<String> linkHosts) {
        public Pattern regex() {
            return Pattern.compile(pattern);
        }
    }

    public static FooterMarkRules standard() {
        return RuleFiles.load(FooterMarkRules.class, "footer-marks.json", FooterMarkRules.class);
    }
}

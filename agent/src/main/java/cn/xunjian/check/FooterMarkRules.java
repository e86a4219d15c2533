package cn.xunjian.check;

import cn.xunjian.internal.RuleFiles;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where footers are, what their marks look like in every spelling real sites use, and which resources may carry
 * them; read from {@code footer-marks.json}.
 *
 * @param spelling how text is made comparable before the mark patterns are applied
 * @param conacScriptHosts hosts of the 党政机关网站标识 embed script ({@code _ideConac})
 * @param jiucuoImageHints words in the src of the 找错 platform's icon
 * @param jiucuoClick the {@code onclick} call of the 找错 icon; its first group is the sitecode
 * @param siteCodeParameter the sitecode parameter of a 找错 link; its first group is the sitecode
 * @param resources which scripts, frames and images may carry the footer or a mark
 */
public record FooterMarkRules(List<String> footerSelectors, List<String> footerHints, Spelling spelling,
                              List<TextMark> textMarks, List<String> conacLinkHosts, List<String> conacImageHints,
                              List<String> conacScriptHosts, List<String> jiucuoLinkHosts,
                              List<String> jiucuoImageHints, String jiucuoClick, String siteCodeParameter,
                              List<String> requiredMeta, int maxOcrImages, Resources resources) {

    public FooterMarkRules {
        String provinces = "[" + spelling.provinces() + "]";
        textMarks = textMarks.stream().map(m -> m.withProvinces(provinces)).toList();
    }

    /**
     * @param provinces the one-character province abbreviations that open an ICP or 公安 number (both 川 and 蜀,
     *     云 and 滇, 贵 and 黔, 甘 and 陇, 陕 and 秦 are in use); patterns refer to them as {@code {provinces}}
     * @param invisible characters that are removed (zero-width spaces, soft hyphens)
     */
    public record Spelling(String provinces, String invisible) {
    }

    /**
     * A mark written as text (or drawn in an image).
     *
     * @param pattern finds the mark in any real spelling; its first group is the mark's value
     * @param standard what the value (whitespace removed) must look like; a value that does not is 格式不规范
     * @param example the standard form, for messages
     * @param linkHosts where the mark must link to; empty when it need not link
     * @param linkValues patterns of link targets that carry the mark's number in their first group
     */
    public record TextMark(String id, String name, String pattern, String standard, String example,
                           List<String> linkHosts, List<String> linkValues) {
        public Pattern regex() {
            return Pattern.compile(pattern);
        }

        public boolean isStandard(String value) {
            return Pattern.compile(standard).matcher(value).matches();
        }

        TextMark withProvinces(String provinces) {
            return new TextMark(id, name, pattern.replace("{provinces}", provinces),
                    standard.replace("{provinces}", provinces), example, linkHosts, linkValues);
        }
    }

    /**
     * @param hints words in a script's or frame's address, id or class that say it holds the footer
     * @param imageHints words in an image's address, alt or title that say it may be a mark
     * @param ignoredHosts hosts of scripts that never write a footer (statistics counters)
     * @param ignoredNames words in a script's address that say it does something else (a library, a counter, the
     *     search box), unless its name also says footer
     * @param maxProbes how many resources are fetched at most to learn whether they load
     * @param maxFrames how many frames are followed at most
     */
    public record Resources(List<String> hints, List<String> imageHints, List<String> ignoredHosts,
                            List<String> ignoredNames, String hiddenStyle, int maxProbes, int maxFrames) {
    }

    /**
     * The text as the patterns see it: compatibility forms folded (full-width letters, digits and colons, the
     * ideographic and em spaces, no-break spaces), invisible characters removed, runs of white space made one space.
     */
    public String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (spelling.invisible().indexOf(c) < 0) {
                sb.append(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c);
            }
        }
        return sb.toString().replaceAll(" {2,}", " ").trim();
    }

    public static FooterMarkRules standard() {
        return RuleFiles.load(FooterMarkRules.class, "footer-marks.json", FooterMarkRules.class);
    }
}

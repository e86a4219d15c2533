package cn.xunjian.text;

import cn.xunjian.model.Finding;
import cn.xunjian.check.PageCheck;
import cn.xunjian.check.PageContext;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.model.Evidence;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.internal.ShanghaiTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * W-D6: unmasked personal data in a page's visible text — resident ID numbers, mobile numbers, bank card
 * numbers. One finding per number and page. Messages and evidence carry the masked number only; no screenshot is
 * taken, since it would show the full number.
 */
public final class PrivacyCheck implements PageCheck {
    static final String INDICATOR = "W-D6";

    private final PersonalDataScanner scanner;
    private final int sentenceChars;

    public PrivacyCheck() {
        this(PrivacyRules.standard());
    }

    public PrivacyCheck(PrivacyRules rules) {
        this.scanner = new PersonalDataScanner(rules);
        this.sentenceChars = rules.sentenceChars();
    }

    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public String indicator() {
        return INDICATOR;
    }

    @Override
    public List<Finding> check(SitePage page, PageContext context) {
        String text = PageText.of(page.html());
        LocalDate today = LocalDate.now(context.clock().withZone(ShanghaiTime.ZONE));
        return findings(scanner.scan(text, today), text, page.url(), "页面", "", "privacy-", sentenceChars,
                context.evidence());
    }

    /**
     * One finding per distinct number of {@code found} in {@code text}, about {@code url}: the message names the
     * masked number only and quotes its masked sentence, which is also the evidence.
     *
     * @param subject what published it, leading the message ({@code 页面}, {@code 附件“名单.xlsx”})
     * @param suffix appended to the message (where an attachment was linked from), or empty
     * @param evidenceName the evidence file's name before the type's slug
     */
    static List<Finding> findings(List<PersonalData> found, String text, String url, String subject, String suffix,
                                  String evidenceName, int sentenceChars, SiteEvidence evidence) {
        String maskedText = maskAll(text, found);
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int shift = 0;
        for (PersonalData d : found) {
            int start = d.start() + shift;
            shift += d.masked().length() - (d.end() - d.start());
            if (!seen.add(d.type() + d.masked())) {
                continue;
            }
            String sentence = PageText.sentence(maskedText, start, start + d.masked().length(), sentenceChars);
            String snippet = "<!doctype html><meta charset=\"utf-8\"><p>" + Entities.escape(sentence) + "</p>\n";
            Evidence e = evidence.html(evidenceName + d.type().slug(), snippet, url);
            findings.add(Finding.about(INDICATOR, d.type().findingKind(), Severity.DEDUCT, url, d.masked(),
                    subject + "公开了未脱敏的" + d.type().label() + "：" + d.masked() + "。原句：“" + sentence + "”"
                            + suffix, List.of(e)).with("where", subject).with("dataType", d.type().label())
                    .with("masked", d.masked()));
        }
        return findings;
    }

    private static String maskAll(String text, List<PersonalData> found) {
        StringBuilder out = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            PersonalData d = found.get(i);
            out.replace(d.start(), d.end(), d.masked());
        }
        return out.toString();
    }
}

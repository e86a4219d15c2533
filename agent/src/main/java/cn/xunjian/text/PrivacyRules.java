package cn.xunjian.text;

import cn.xunjian.internal.RuleFiles;
import java.util.List;

/**
 * Thresholds and word lists of {@link PrivacyCheck}, read from {@code privacy-rules.json}.
 *
 * @param provinceCodes first two digits of a valid resident ID number (GB/T 2260 provinces)
 * @param minBirthYear birth dates before this year are not plausible
 * @param excludedContexts words shortly before a number that make it a registration number, not personal data
 * @param contextChars how many characters before a number are searched for context words
 * @param bankCardKeywords words that make a Luhn-valid number a bank card whatever its prefix
 * @param bankCardPrefixes issuer prefixes (UnionPay 62, Visa 4, Mastercard 51–55) of Luhn-valid card numbers
 * @param keepHead digits of an ID or card number left readable at the start when masked
 * @param keepTail digits left readable at the end when masked
 * @param mobileKeepHead digits of a mobile number left readable at the start
 * @param mobileKeepTail digits of a mobile number left readable at the end
 * @param sentenceChars how long a quoted (masked) sentence may be in a finding's message
 * @param maskCharacters the characters sites mask digits with; a number touching one is a masked number's visible
 *                       part, never a leak
 */
public record PrivacyRules(List<String> provinceCodes, int minBirthYear, List<String> excludedContexts,
                           int contextChars, List<String> bankCardKeywords, List<String> bankCardPrefixes,
                           int keepHead, int keepTail, int mobileKeepHead, int mobileKeepTail,
                           int sentenceChars, String maskCharacters) {
    public PrivacyRules {
        if (maskCharacters == null || maskCharacters.isEmpty()) {
            throw new IllegalArgumentException("privacy-rules.json: maskCharacters is empty");
        }
        provinceCodes = List.copyOf(provinceCodes);
        excludedContexts = List.copyOf(excludedContexts);
        bankCardKeywords = List.copyOf(bankCardKeywords);
        bankCardPrefixes = List.copyOf(bankCardPrefixes);
    }

    /** The bundled rules. */
    public static PrivacyRules standard() {
        return RuleFiles.load(PrivacyRules.class, "privacy-rules.json", PrivacyRules.class);
    }
}

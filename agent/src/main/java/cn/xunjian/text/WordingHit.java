package cn.xunjian.text;

/**
 * A wrong form found in page text.
 *
 * @param rule the rule that fired
 * @param start offset of the phrase in the normalised page text
 * @param end offset after the phrase
 * @param phrase the wrong form as it stands in the text
 * @param sentence the sentence around it, trimmed
 * @param count how many times this rule fired on the page (the first occurrence is this hit)
 */
record WordingHit(WordingRule rule, int start, int end, String phrase, String sentence, int count) {
}

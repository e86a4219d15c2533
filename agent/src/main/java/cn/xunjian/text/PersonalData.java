package cn.xunjian.text;

/**
 * A piece of personal data found in page text.
 *
 * @param type what it is
 * @param start offset in the normalised text
 * @param end offset after it
 * @param raw the number as written (never reported: only {@link #masked()} leaves this package's findings)
 * @param masked the number with its middle digits replaced by {@code *}
 */
record PersonalData(Type type, int start, int end, String raw, String masked) {
    /** The kinds of personal data the check recognises. */
    public enum Type {
        ID_NUMBER("id-number", "居民身份证号码"),
        MOBILE("mobile", "手机号码"),
        BANK_CARD("bank-card", "银行卡号");

        private final String slug;
        private final String label;

        Type(String slug, String label) {
            this.slug = slug;
            this.label = label;
        }

        /** The finding kind, e.g. {@code privacy.id-number}. */
        public String findingKind() {
            return "privacy." + slug;
        }

        public String slug() {
            return slug;
        }

        /** Chinese name for messages. */
        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return "PersonalData[" + type + " " + masked + "]";
    }
}

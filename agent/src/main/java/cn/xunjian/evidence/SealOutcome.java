package cn.xunjian.evidence;

/**
 * How one manifest of a run was sealed, as the report and {@code seal.json} tell it.
 *
 * @param manifest        the sealed manifest's path in the run
 * @param keyId           the signing key's id, or null when unsigned
 * @param signer          the signer certificate's subject, or null
 * @param unsigned        why there is no signature, or null
 * @param stampedAt       the token's time (Asia/Shanghai, ISO-8601), or null
 * @param tsaName         the subject of the certificate that signed the token, or null
 * @param tsa             the TSA's URL (no credentials), or null when none is set
 * @param notStamped      why there is no token, or null
 * @param attempts        requests sent to the TSA
 */
public record SealOutcome(String manifest, String keyId, String signer, String unsigned, String stampedAt,
                          String tsaName, String tsa, String notStamped, int attempts) {
    public boolean signed() {
        return keyId != null;
    }

    public boolean stamped() {
        return stampedAt != null;
    }

    /** One Chinese sentence for a reader: who signed, when it was stamped, or why not. */
    public String describe() {
        String sign = signed() ? "已签名（密钥 " + keyId + "）" : "未签名：" + unsigned;
        String stamp = stamped() ? "已加盖可信时间戳（" + stampedAt + "，" + tsaName + "）" : "未加盖时间戳：" + notStamped;
        return sign + "；" + stamp;
    }
}

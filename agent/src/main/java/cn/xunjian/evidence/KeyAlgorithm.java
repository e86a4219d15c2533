package cn.xunjian.evidence;

import java.util.Locale;

/**
 * The algorithms a run's signing key may use: Ed25519 by default, ECDSA on P-256 where a verifier lacks Ed25519, SM2
 * with SM3 for offices that must use 国密.
 *
 * @param configName how the schedule file and the command line name it
 */
public enum KeyAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    P256("p256", "EC", "SHA256withECDSA"),
    SM2("sm2", "EC", "SM3withSM2");

    private final String configName;
    private final String keyAlgorithm;
    private final String signatureAlgorithm;

    KeyAlgorithm(String configName, String keyAlgorithm, String signatureAlgorithm) {
        this.configName = configName;
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String configName() {
        return configName;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The JCA name of the signature over the signed attributes of a CMS signature. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The curve for EC keys, null for Ed25519. */
    String curve() {
        return switch (this) {
            case ED25519 -> null;
            case P256 -> "secp256r1";
            case SM2 -> "sm2p256v1";
        };
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static KeyAlgorithm parse(String name) {
        for (KeyAlgorithm a : values()) {
            if (a.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("签名算法 “" + name + "” 不受支持，可用：ed25519、p256、sm2");
    }
}

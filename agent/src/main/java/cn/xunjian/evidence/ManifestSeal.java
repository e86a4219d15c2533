package cn.xunjian.evidence;

/**
 * What a manifest says about its own seal before it is sealed, so that a deleted signature or token is a missing
 * file, not a run that never had one.
 *
 * @param signature   the detached CMS signature's file (DER), e.g. {@code manifest.p7s}
 * @param certificate the signer's certificate (PEM) kept in the run, {@code signer.pem}
 * @param keyId       the signing key's id
 * @param timestamp   the RFC 3161 response's file (DER), e.g. {@code manifest.tsr}, or null when no TSA is set
 * @param tsa         the TSA's URL (never its credentials), or null
 */
public record ManifestSeal(String signature, String certificate, String keyId, String timestamp, String tsa) {
}

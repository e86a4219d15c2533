package cn.xunjian.evidence;

/** The signing key cannot be used: unreadable, malformed, or readable by others. The message is for the user. */
public final class EvidenceKeyException extends Exception {
    public EvidenceKeyException(String message) {
        super(message);
    }

    public EvidenceKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}

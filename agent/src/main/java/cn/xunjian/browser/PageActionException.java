package cn.xunjian.browser;

/** A scenario page action that could not be done (nothing matched, a timeout, a navigation error); Chinese message. */
public final class PageActionException extends RuntimeException {
    public PageActionException(String message, Throwable cause) {
        super(message, cause);
    }
}

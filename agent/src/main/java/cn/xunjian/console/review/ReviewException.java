package cn.xunjian.console.review;

/** A review that cannot be recorded as asked; the message is Chinese and says why. */
public final class ReviewException extends RuntimeException {
    private final String field;

    public ReviewException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the problem is about ({@code status}, {@code reason}, {@code file}). */
    public String field() {
        return field;
    }
}

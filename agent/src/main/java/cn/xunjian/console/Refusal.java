package cn.xunjian.console;

/**
 * Ends a request with a status and a Chinese page (or a JSON error under {@code /api}). A site, finding or file
 * outside the user's role is answered 404, exactly like one that does not exist, so guessing learns nothing.
 */
final class Refusal extends RuntimeException {
    private final int status;
    private final String title;

    Refusal(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    static Refusal notFound() {
        return new Refusal(404, "页面不存在", "没有这个页面，或您的账号无权查看。");
    }

    static Refusal forbidden() {
        return new Refusal(403, "无权操作", "您的账号无权进行这项操作。");
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}

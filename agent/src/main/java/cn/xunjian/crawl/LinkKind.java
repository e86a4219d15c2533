package cn.xunjian.crawl;

/** What a checked URL is to the page that refers to it. */
public enum LinkKind {
    PAGE("链接"), IMAGE("图片"), ATTACHMENT("附件"),
    /** A {@code <script src>}. */
    SCRIPT("脚本"),
    /** A {@code <link rel=stylesheet>}. */
    STYLESHEET("样式表"),
    /** A preloaded or prefetched resource, or a web app manifest. */
    RESOURCE("资源"),
    /** A fragment ({@code #id}) that the page it points to has no element for; the URL carries the fragment. */
    ANCHOR("锚点");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** The Chinese word for it in messages: 链接, 图片 or 附件. */
    public String label() {
        return label;
    }
}

package cn.xunjian.crawl;

/** What a checked URL is to the page that refers to it. */
public enum LinkKind {
    PAGE("链接"), IMAGE("图片"), ATTACHMENT("附件");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** The Chinese word for it in messages: 链接, 图片 or 附件. */
    public String label() {
        return label;
    }
}

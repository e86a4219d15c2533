package cn.xunjian.crawl;

/**
 * Why a link could not be verified either way: neither working nor broken, and never a deduction.
 */
public enum Unverified {
    /** This machine cannot reach the link's host (no route, or the outside is unreachable from here). */
    UNREACHABLE("无法核实（本机无法访问该主机）"),
    /** {@code --offline}: links to other hosts are not checked. */
    OFFLINE("未核实（离线模式，不检查外部链接）"),
    /** The host answers with an anti-bot challenge that could not be passed. */
    GUARDED("受访问防护，未能核实");

    private final String label;

    Unverified(String label) {
        this.label = label;
    }

    /** The Chinese words of reports. */
    public String label() {
        return label;
    }
}

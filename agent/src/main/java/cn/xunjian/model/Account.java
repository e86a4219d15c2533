package cn.xunjian.model;

import java.util.Objects;

/**
 * A government new-media account, mini program or web view of a site, as the checks found it.
 *
 * @param name its name (账号名称)
 * @param platform {@code wechat}, {@code weibo}, {@code webview}… (null when unknown)
 * @param url its public list, feed or page: the findings about it carry this URL
 */
public record Account(String name, String platform, String url) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }
}

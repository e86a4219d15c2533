package cn.xunjian.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One government new-media account, mini program or web view of a site, judged on its own (the 通报's second
 * annex), as report.json lists it under {@code accounts}.
 *
 * @param name the account's name
 * @param platform {@code wechat}, {@code weibo}, {@code webview}… as the site file names it
 * @param url the account's public list, feed or web view
 * @param verdict 不合格 when a new-media veto item hit it
 * @param findings the ids of the findings about it
 */
@JsonPropertyOrder({"name", "platform", "url", "verdict", "findings"})
public record AccountVerdict(String name, String platform, String url, Verdict verdict, List<String> findings) {
    public AccountVerdict {
        findings = List.copyOf(findings);
    }
}

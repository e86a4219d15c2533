package cn.xunjian.store;

import java.util.List;

/** Where submitted test messages are kept between runs. Implementations are thread-safe. */
public interface SubmittedMessageStore {
    void save(SubmittedMessage message);

    /** Messages without a reply yet, oldest first. */
    List<SubmittedMessage> unanswered();

    /** Records the first time a reply was seen for the message with this 查询码 on this site. */
    void markAnswered(String siteUrl, String queryCode, String answeredAt);
}

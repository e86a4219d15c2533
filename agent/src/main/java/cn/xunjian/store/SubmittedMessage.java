package cn.xunjian.store;

/**
 * A test message the agent submitted to a 咨询 form, kept so a later run can look up the reply.
 *
 * @param siteUrl the audited site
 * @param formUrl the form it was submitted to
 * @param queryCode the 查询码 / 信件编号 the site returned, or empty when it gave none
 * @param subject the subject written into the form
 * @param submittedAt ISO-8601 time, Asia/Shanghai
 * @param answeredAt when a reply was first seen, or null while unanswered
 */
public record SubmittedMessage(String siteUrl, String formUrl, String queryCode, String subject, String submittedAt,
                               String answeredAt) {
}

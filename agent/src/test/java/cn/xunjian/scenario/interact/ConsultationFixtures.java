package cn.xunjian.scenario.interact;

/**
 * The fixture pages of a county site's 咨询 and 信件公开 columns, shared by the browser-free tests
 * ({@code ConsultationCheckTest}, {@code MessageListCheckTest}) and {@code ConsultationIT}, which serves them to
 * real Chromium.
 */
final class ConsultationFixtures {
    /** Shows the form's letter number in a dialog instead of a confirmation page. */
    static final String ALERT_ON_SUBMIT = "onsubmit=\"event.preventDefault(); alert('留言成功！信件编号：ZX-9988');\"";

    private ConsultationFixtures() {
    }

    /** The county's home page with {@code links} (the columns a citizen could write to) and its site code. */
    static String home(String links) {
        return "<html><head><meta charset=\"utf-8\"><title>某县人民政府</title></head><body><h1>某县人民政府</h1>"
                + links + "<p>网站标识码：3301850031</p></body></html>";
    }

    /**
     * A 我要咨询 form of the usual table layout posting to {@code action}: name, mobile, subject and content, all
     * required; {@code extra} is more rows, {@code script} attributes of the form element. Above it a 信件查询 link
     * to {@code queryHref}, where the follow-up looks a query code up.
     */
    static String form(String queryHref, String action, String extra, String script) {
        return """
                <html><head><meta charset="utf-8"><title>我要咨询</title></head><body>
                <p><a href="%s">信件查询</a></p>
                <form method="post" action="%s" %s>
                  <table>
                    <tr><td><label for="xm">姓名</label></td><td><input id="xm" name="xm" required></td></tr>
                    <tr><td><label for="sj">手机</label></td><td><input id="sj" name="sj" required></td></tr>
                    <tr><td><label for="bt">标题</label></td><td><input id="bt" name="title" required></td></tr>
                    <tr><td><label for="nr">内容</label></td><td><textarea id="nr" name="content" required></textarea></td></tr>
                    %s
                  </table>
                  <button type="submit">提交</button>
                </form></body></html>""".formatted(queryHref, action, script, extra);
    }

    /** A form row with a captcha field and its image at {@code imageSrc}. */
    static String captchaRow(String imageSrc) {
        return "<tr><td>验证码</td><td><input name=\"yzm\"><img src=\"" + imageSrc + "\" alt=\"验证码\" "
                + "width=\"60\" height=\"20\"></td></tr>";
    }

    /** A public list of letters: title, asked, answered, status; {@code rows} are its letters. */
    static String letters(String rows) {
        return """
                <html><head><meta charset="utf-8"></head><body><table>
                <tr><th>标题</th><th>留言时间</th><th>答复时间</th><th>状态</th></tr>
                %s
                </table></body></html>""".formatted(rows);
    }

    /** A bare page with {@code body}, as the answer to a submission. */
    static String page(String body) {
        return "<html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>";
    }
}

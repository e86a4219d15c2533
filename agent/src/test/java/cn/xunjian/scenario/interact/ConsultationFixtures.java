package cn.xunjian.scenario.interact;

/**
 * The fixture pages of a county site's 咨询 and 信件公开 columns, shared by the browser-free tests
 * ({@code ConsultationCheckTest}, {@code MessageListCheckTest}) and {@code ConsultationIT}, which serves them to
 * real Chromium.
 */
final class ConsultationFixtures {
    /** Shows the form's letter number in a dialog instead of a confirmation page. */
    static final String ALERT_ON_SUBMIT = "onsubmit=\"event.preventDefault(); alert('留言成功！信件编号：ZX-9988');\"";

    /**
     * A district's 政民互动 menu whose 区长信箱 is on the district's 互动 platform, another host (the navigation of
     * www.bjdx.gov.cn, 北京市大兴区, copied in mhxqwer/hjhbjdx.gov.cn, index.html; its drop-down is shown on hover).
     * The platform's real address stays: it is outside the tests' network scope and never requested.
     */
    static final String DAXING_NAV = """
            <ul class="nav"><li data-tabIndex="1-2-6"><a href="/zmhd/index.html" target="_parent" title="政民互动">
                        政民互动</a>
              <div class="ejNav" data-tabIndex="1-2-6-1"><div class="pubCon"><div class="">
                <a href="https://hd.bjdx.gov.cn/hudong/xinxiang/bjdx/sindex/xx-bjdx.html"  target="_blank" title="区长信箱">
                    区长信箱</a>
                <a href="/zmhd/wsgssx/index.html"  target="_parent" title="网上公示事项">
                    网上公示事项</a>
                <a href="/zmhd/dwzsk/index.html"  target="_parent" title="问答知识库">
                    问答知识库</a>
              </div></div></div></li></ul>""";

    /** The district's own 政民互动 page: links to other columns, no form (the letters go to the platform). */
    static final String DAXING_ZMHD = page("""
            <h2>政民互动</h2><ul><li><a href="/zmhd/wsgssx/index.html">网上公示事项</a></li>
            <li><a href="/zmhd/dwzsk/index.html">问答知识库</a></li></ul>""");

    /**
     * The 广州12345 and 我要信访 buttons of a city portal (www.gz.gov.cn, copied in mhxqwer/jchgz.gov.cn, index.html),
     * with the hotline platform at {@code platformOrigin} — another host than the site's — and the 信访 platform at
     * its real address (excluded, never opened).
     */
    static String hotlineButtons(String platformOrigin) {
        return """
                <ul class="fixed-nav">
                  <li id="rwyw" class="item button-rotate">
                    <div class="btn"><a class="rotate" href="%s/hdjl/12345rx/sysm/index.html" target="_blank"><i  alt="广州12345"></i><span>广州12345</span></a></div>
                  </li>
                  <li id="rwxf" class="item button-rotate">
                    <div class="btn"><a class="rotate" href="https://ts.gdwsxf.gd.gov.cn/gz/web/index" target="_blank"><i  alt="我要信访"></i>我要信访</a></div>
                  </li>
                </ul>""".formatted(platformOrigin);
    }

    /** The hotline platform's 使用说明 page, whose 我要写信 link leads to its form at {@code formHref}. */
    static String hotlineGuide(String formHref) {
        return page("<h2>12345政务服务便民热线 使用说明</h2><p>市民可通过电话或网上写信反映诉求。</p>"
                + "<p><a href=\"" + formHref + "\">我要写信</a></p>");
    }

    /** A platform page that asks the citizen to log in before writing: the form cannot be tried. */
    static final String LOGIN_WALL = page("""
            <h2>我要写信</h2><p>请先登录后再写信。</p>
            <form action="/login" method="post"><label>账号 <input name="username"></label>
            <label>密码 <input type="password" name="password"></label><button type="submit">登录</button></form>""");

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

package cn.xunjian.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ScriptWritesTest {
    @Test
    void theConacEmbedIsUnescapedAsTheBrowserWritesIt() {
        // 邯郸市人民政府 (kevin3691/renmin, src/main/webapp/WEB-INF/views/affairs/gkzn.jsp)
        String code = "document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/"
                + "05/107/0000/41468768/CA051070000414687680001.js' type='text/javascript'%3E%3C/script%3E\"));";
        assertThat(ScriptWrites.written(code)).containsExactly("<span id='_ideConac' ></span><script src='http://dcs.conac.cn"
                + "/js/05/107/0000/41468768/CA051070000414687680001.js' type='text/javascript'></script>");
    }

    @Test
    void concatenatedLiteralsEscapesAndLineContinuationsAreJoined() {
        String code = "document.writeln('<p>赣ICP备' + \"06000141号\\u3000</p>\\\n<img onclick=\\\"Link(\\'1\\')\\\">\");";
        assertThat(ScriptWrites.written(code)).containsExactly("<p>赣ICP备06000141号\u3000</p><img onclick=\"Link('1')\">");
    }

    @Test
    void commentedOutCallsAreNotRead() {
        String code = "// document.write('<p>a</p>');\n/* document.write('<p>b</p>'); */\n<!-- document.write('c')\n"
                + "var u = 'http://x/'; document.write('<p>d</p>');";
        assertThat(ScriptWrites.written(ScriptWrites.withoutComments(code))).containsExactly("<p>d</p>");
    }

    @Test
    void onlyInlineScriptsAreRead() {
        var doc = Jsoup.parse("<script src='/a.js'>document.write('x')</script><script>document.write('<b>y</b>')</script>");
        assertThat(ScriptWrites.of(doc)).extracting(ScriptWrites.Written::html).containsExactly("<b>y</b>");
    }
}

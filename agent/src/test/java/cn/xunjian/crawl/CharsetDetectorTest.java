package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String PAGE = "<html><head>%s<title>政务公开_临江县人民政府</title></head><body>政府信息公开</body></html>";

    @Test
    void decodesGbkDeclaredInTheHeader() {
        byte[] body = String.format(PAGE, "").getBytes(GBK);
        assertThat(CharsetDetector.decode(body, "text/html; charset=GBK")).contains("政务公开_临江县人民政府");
    }

    @Test
    void decodesGb2312DeclaredInAMetaTag() {
        byte[] body = String.format(PAGE, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")
                .getBytes(GBK);
        assertThat(CharsetDetector.decode(body, "text/html")).contains("政府信息公开");
    }

    @Test
    void sniffsGbkWhenNothingIsDeclared() {
        byte[] body = String.format(PAGE, "").getBytes(GBK);
        assertThat(CharsetDetector.decode(body, null)).contains("临江县人民政府");
    }

    @Test
    void sniffsUtf8WhenNothingIsDeclared() {
        byte[] body = String.format(PAGE, "").getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void headerWinsOverMeta() {
        byte[] body = String.format(PAGE, "<meta charset=\"utf-8\">").getBytes(GBK);
        assertThat(CharsetDetector.decode(body, "text/html;charset=gbk")).contains("政府信息公开");
    }

    @Test
    void unknownDeclaredCharsetFallsBackToSniffing() {
        byte[] body = String.format(PAGE, "<meta charset=\"x-no-such-charset\">").getBytes(GBK);
        assertThat(CharsetDetector.decode(body, "text/html; charset=bogus")).contains("政府信息公开");
    }
}

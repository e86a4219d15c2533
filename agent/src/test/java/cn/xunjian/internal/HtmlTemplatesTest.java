package cn.xunjian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTemplatesTest {
    @Test
    void aPrecompiledTemplateRendersAsUtf8OntoAStreamLeftOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlTemplates.render("report/verdict.jte", Verdict.FAILED, out);
        out.write('!');
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<span class=\"verdict fail\">不合格</span>!");
    }
}

package cn.xunjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircularSettingsFileTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("circular.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anOfficesOwnSettingsReplaceTheDefaultsFieldByField() throws IOException {
        CircularSettings s = CircularSettingsFile.read(file("""
                {
                  "issuerMark": "江山市人民政府办公室文件",
                  "documentNumber": "江政办〔{year}〕12号",
                  "recipients": ["各乡镇人民政府、街道办事处"],
                  "deadlineDays": 20,
                  "period": "month"
                }
                """));
        assertThat(s.issuerMark()).isEqualTo("江山市人民政府办公室文件");
        assertThat(s.documentNumber(2026)).isEqualTo("江政办〔2026〕12号");
        assertThat(s.recipients()).isEqualTo(List.of("各乡镇人民政府、街道办事处"));
        assertThat(s.deadlineDays()).isEqualTo(20);
        assertThat(s.period()).isEqualTo(CircularSettings.Period.month);
        assertThat(s.signer()).isEqualTo(CircularSettings.standard().signer());
    }

    @Test
    void aBrokenValueNamesTheFileTheFieldAndTheLine() throws IOException {
        Path f = file("{\n  \"issuer\": \"临江县人民政府办公室\",\n  \"deadlineDays\": 0\n}\n");
        assertThatThrownBy(() -> CircularSettingsFile.read(f)).isInstanceOf(CircularSettingsFile.Invalid.class)
                .hasMessage("通报设置文件 " + f + " 第 3 行，字段 \"deadlineDays\"：整改期限应为 1 到 365 天，实际为 0");
        Path g = file("{\n  \"documentNumber\": \"临政办[2026]1号\"\n}\n");
        assertThatThrownBy(() -> CircularSettingsFile.read(g)).hasMessageContaining("第 2 行，字段 \"documentNumber\"");
        Path h = file("{\n  \"period\": \"week\"\n}\n");
        assertThatThrownBy(() -> CircularSettingsFile.read(h)).hasMessageContaining("第 2 行，字段 \"period\"");
    }

    @Test
    void anUnknownFieldIsAnError() throws IOException {
        Path f = file("{\n  \"issuer\": \"临江县人民政府办公室\",\n  \"signature\": \"x\"\n}\n");
        assertThatThrownBy(() -> CircularSettingsFile.read(f)).isInstanceOf(CircularSettingsFile.Invalid.class)
                .hasMessageContaining("第 3 行").hasMessageContaining("signature");
    }
}

package cn.xunjian.report;

import cn.xunjian.internal.ConfigFileException;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an office's circular settings file ({@code --circular FILE}): the fields of {@link CircularSettings}, each
 * optional (a missing one keeps the shipped default), unknown ones an error. A broken value names the file, the
 * field and the line ({@link Invalid}); the CLI exits 2.
 */
public final class CircularSettingsFile {
    private static final ObjectMapper MAPPER = Json.mapper();

    private CircularSettingsFile() {
    }

    /** A circular settings file that cannot be used. */
    public static final class Invalid extends ConfigFileException {
        public Invalid(Path file, String field, int line, String problem) {
            super("通报设置文件", file, line, "字段 \"" + field + "\"", problem);
        }
    }

    /** The file as written, every field optional. */
    private record Written(String issuer, String issuerMark, String documentNumber, List<String> recipients,
                           String signer, Integer deadlineDays, String replyTo, String period) {
    }

    public static CircularSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Invalid(file, "(文件)", 0, "文件不存在");
        } catch (IOException e) {
            throw new Invalid(file, "(文件)", 0, "无法读取：" + e.getMessage());
        }
        Map<String, Integer> lines;
        Written w;
        try {
            lines = JsonFieldLines.of(MAPPER, text);
            w = MAPPER.readValue(text, Written.class);
        } catch (JsonProcessingException e) {
            JsonFieldLines.Problem p = JsonFieldLines.problem(e, lines(text));
            throw new Invalid(file, p.field(), p.line(), p.message());
        } catch (IOException e) {
            throw new Invalid(file, "(文件)", 0, "无法读取：" + e.getMessage());
        }
        if (w == null) {
            throw new Invalid(file, "(JSON)", 1, "文件为空");
        }
        CircularSettings d = CircularSettings.standard();
        Check c = new Check(file, lines);
        String number = c.text("documentNumber", w.documentNumber(), d.documentNumber());
        if (!number.contains("〔") || !number.contains("〕") || !number.endsWith("号")) {
            c.fail("documentNumber", "发文字号应写作“机关代字〔年份〕序号号”，如“临政办〔{year}〕15号”（〔〕为六角括号），实际为 \""
                    + number + "\"");
        }
        List<String> recipients = w.recipients() == null ? d.recipients() : w.recipients();
        if (recipients.isEmpty() || recipients.stream().anyMatch(r -> r == null || r.isBlank())) {
            c.fail("recipients", "主送机关至少一个，且不能为空");
        }
        int days = w.deadlineDays() == null ? d.deadlineDays() : w.deadlineDays();
        if (days < 1 || days > 365) {
            c.fail("deadlineDays", "整改期限应为 1 到 365 天，实际为 " + days);
        }
        CircularSettings.Period period = d.period();
        if (w.period() != null) {
            try {
                period = CircularSettings.Period.valueOf(w.period());
            } catch (IllegalArgumentException e) {
                c.fail("period", "应为 quarter（季度）或 month（月份），实际为 \"" + w.period() + "\"");
            }
        }
        return new CircularSettings(c.text("issuer", w.issuer(), d.issuer()),
                c.text("issuerMark", w.issuerMark(), d.issuerMark()), number, recipients,
                c.text("signer", w.signer(), d.signer()), days, c.text("replyTo", w.replyTo(), d.replyTo()), period);
    }

    private record Check(Path file, Map<String, Integer> lines) {
        String text(String field, String value, String fallback) {
            if (value == null) {
                return fallback;
            }
            if (value.isBlank()) {
                fail(field, "不能为空");
            }
            return value.strip();
        }

        void fail(String field, String problem) {
            throw new Invalid(file, field, lines.getOrDefault(field, lines.getOrDefault("", 1)), problem);
        }
    }

    private static Map<String, Integer> lines(String text) {
        try {
            return JsonFieldLines.of(MAPPER, text);
        } catch (IOException e) {
            return Map.of();
        }
    }
}

package cn.xunjian.alert;

import java.util.Locale;

/** An alert file that cannot be used; the message names the source, the field and, when known, the line. */
final class AlertConfigException extends RuntimeException {
    private final String field;

    public AlertConfigException(String source, String field, int line, String problem) {
        super(line > 0
                ? String.format(Locale.ROOT, "告警配置 %s 第 %d 行，字段 \"%s\"：%s", source, line, field, problem)
                : String.format(Locale.ROOT, "告警配置 %s，字段 \"%s\"：%s", source, field, problem));
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package cn.xunjian.report;

import cn.xunjian.internal.RuleFiles;
import java.util.List;

/**
 * Who sends the 通报 and to whom, as an office sets it: the 发文机关 (its 标志 printed in red at the head), the
 * 发文字号 ({@code {year}} becomes the run's year), the 主送机关, the 落款, the 整改期限 in days from the run date, where
 * 整改情况 is to be sent, and whether the circular covers a quarter (2026年第四季度) or a month (2026年11月份). The
 * shipped defaults are {@code circular-settings.json}; {@link CircularSettingsFile} reads an office's own.
 */
public record CircularSettings(String issuer, String issuerMark, String documentNumber, List<String> recipients,
                               String signer, int deadlineDays, String replyTo, Period period) {
    public CircularSettings {
        recipients = List.copyOf(recipients);
    }

    /** What one circular covers. */
    public enum Period {
        quarter, month
    }

    public static CircularSettings standard() {
        return RuleFiles.load(CircularSettings.class, "circular-settings.json", CircularSettings.class);
    }

    /** The 发文字号 of a circular of {@code year}, e.g. 临政办〔2026〕15号. */
    public String documentNumber(int year) {
        return documentNumber.replace("{year}", String.valueOf(year));
    }

    /** The 主送机关 line: the recipients joined by 、 and ended by a full-width colon. */
    public String recipientLine() {
        return String.join("，", recipients) + "：";
    }
}

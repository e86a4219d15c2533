package cn.xunjian.alert;

import java.time.Duration;
import java.util.Locale;

/** Chinese wording of durations for alert messages: "2小时5分钟", "45秒". */
final class Durations {
    private Durations() {
    }

    static String chinese(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append("天");
        }
        if (hours > 0) {
            out.append(hours).append("小时");
        }
        if (minutes > 0 && days == 0) {
            out.append(minutes).append("分钟");
        }
        if (out.length() == 0) {
            out.append(String.format(Locale.ROOT, "%d秒", seconds));
        }
        return out.toString();
    }
}

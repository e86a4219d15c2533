package cn.xunjian.alert;

import cn.xunjian.internal.RuleFiles;

/**
 * Defaults for alerting, read from {@code alert-defaults.json}: what an alert file may leave out, and the robots'
 * message size limits.
 */
public record AlertDefaults(int failureStreak, Retry retry, int requestTimeoutSeconds, int wecomMaxContentBytes,
                            int dingtalkMaxTextBytes) {

    public static AlertDefaults standard() {
        return RuleFiles.load(AlertDefaults.class, "alert-defaults.json", AlertDefaults.class);
    }
}

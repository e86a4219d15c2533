package cn.xunjian.scenario.interact;

import cn.xunjian.internal.RuleFiles;
import java.util.List;

/** Thresholds and labels of the public message list analysis, read from {@code messages.json}. */
public record MessageRules(String source, int windowDays, int unansweredVetoDays, int slowReplyWorkingDays,
                           int noReplyDays, int maxDetailPages, int maxListPages, List<String> askedLabels,
                           List<String> answeredLabels, List<String> statusLabels, List<String> titleLabels,
                           List<String> answeredStatus, List<String> unansweredStatus, List<String> invalidStatus) {
    public static MessageRules standard() {
        return RuleFiles.load(MessageRules.class, "messages.json", MessageRules.class);
    }
}

package cn.xunjian.alert;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.history.FindingChange;
import cn.xunjian.internal.ShanghaiTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Something about a site that someone should hear about now. Titles and texts are Chinese markdown. */
public sealed interface AlertEvent permits AlertEvent.NewVeto, AlertEvent.ProbeStreak, AlertEvent.Recovered {

    /** The site the event is about. */
    Site site();

    /** Stable machine name of the event type, used in the generic JSON payload. */
    String type();

    /** A short title (DingTalk shows it in the conversation list). */
    String title();

    /** The message body in markdown, Chinese. */
    String markdown();

    /** A site as alerts name it. */
    record Site(String name, String url) {
        public Site {
            Objects.requireNonNull(url, "url");
            name = name == null || name.isBlank() ? url : name;
        }
    }

    /** A veto finding that the previous run did not have. */
    record NewVeto(Site site, Finding finding) implements AlertEvent {
        @Override
        public String type() {
            return "new-veto";
        }

        @Override
        public String title() {
            return "【单项否决】" + site.name();
        }

        @Override
        public String markdown() {
            return "### 【单项否决】" + site.name() + "\n\n"
                    + "- 指标：" + finding.indicator() + "\n"
                    + "- 问题：" + finding.message() + "\n"
                    + "- 页面：" + (finding.url().isEmpty() ? site.url() : finding.url()) + "\n"
                    + "- 网站：" + site.url() + "\n";
        }
    }

    /**
     * The home page failed {@code failures} probes in a row, the first at {@code since}.
     *
     * @param reason the reason of the latest failure, in Chinese
     */
    record ProbeStreak(Site site, int failures, Instant since, String reason) implements AlertEvent {
        @Override
        public String type() {
            return "probe-streak";
        }

        @Override
        public String title() {
            return "【无法访问】" + site.name();
        }

        @Override
        public String markdown() {
            return "### 【无法访问】" + site.name() + "\n\n"
                    + String.format(Locale.ROOT, "- 首页连续%d次探测失败，自%s起\n", failures,
                    ShanghaiTime.iso(Clock.fixed(since, ShanghaiTime.ZONE)))
                    + "- 最近一次原因：" + reason + "\n"
                    + "- 网站：" + site.url() + "\n";
        }
    }

    /** The home page opens again after a streak that was alerted; {@code downtime} runs from its first failure. */
    record Recovered(Site site, Duration downtime) implements AlertEvent {
        @Override
        public String type() {
            return "recovered";
        }

        @Override
        public String title() {
            return "【已恢复】" + site.name();
        }

        @Override
        public String markdown() {
            return "### 【已恢复】" + site.name() + "\n\n"
                    + "- 首页已恢复访问，中断约" + Durations.chinese(downtime) + "\n"
                    + "- 网站：" + site.url() + "\n";
        }
    }

    /** One {@link NewVeto} per veto finding that a run marked {@link FindingChange.Change#NEW}. */
    static List<AlertEvent> newVetoes(Site site, List<FindingChange> changes) {
        List<AlertEvent> events = new ArrayList<>();
        for (FindingChange c : changes) {
            if (c.change() == FindingChange.Change.NEW && c.f().severity() == Severity.VETO) {
                events.add(new NewVeto(site, c.f()));
            }
        }
        return events;
    }
}

package cn.xunjian.alert;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.internal.ShanghaiTime;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/** Sample events and a fixed clock for alert tests. */
final class Events {
    static final Clock CLOCK = Clock.fixed(java.time.Instant.ofEpochMilli(1_700_000_000_000L), ShanghaiTime.ZONE);
    static final AlertEvent.Site SITE = new AlertEvent.Site("临江市人民政府", "http://127.0.0.1:9/");

    private Events() {
    }

    static AlertEvent.NewVeto veto() {
        return new AlertEvent.NewVeto(SITE, new Finding("W-V4", "column.blank", Severity.VETO,
                "http://127.0.0.1:9/tzgg/", "栏目“通知公告”无内容（暂无信息）", List.of()));
    }

    static AlertEvent.ProbeStreak streak() {
        return new AlertEvent.ProbeStreak(SITE, 3,
                ZonedDateTime.of(2026, 11, 22, 2, 0, 0, 0, ShanghaiTime.ZONE).toInstant(), "超过15秒未响应");
    }
}

package cn.xunjian.check;

import cn.xunjian.browser.ResourceTrouble;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.net.Reachability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The resources of an opened home page that hung or failed. They never make the page unreachable (a citizen sees
 * it without them): those on hosts this machine cannot reach are one 无法核实 line, the others one warning naming
 * their hosts, each with how long it waited.
 */
public final class ResourceTroubleCheck {
    public static final String KIND = "availability.resources";
    public static final String UNVERIFIED = "availability.resources.unverified";

    private final Reachability reachability;

    public ResourceTroubleCheck(Reachability reachability) {
        this.reachability = reachability;
    }

    /** At most two findings: the unverifiable resources (info) and the others (warning). */
    public List<Finding> judge(String pageUrl, List<ResourceTrouble> troubles, List<Evidence> evidence) {
        List<ResourceTrouble> unreachable = new ArrayList<>();
        List<ResourceTrouble> failing = new ArrayList<>();
        for (ResourceTrouble t : troubles) {
            (reachability.cannotReach(t.hostName(), t.problem()) ? unreachable : failing).add(t);
        }
        List<Finding> findings = new ArrayList<>();
        if (!failing.isEmpty()) {
            findings.add(Finding.about(AvailabilityCheck.INDICATOR, KIND, Severity.WARN, pageUrl, hosts(failing),
                    String.format(Locale.ROOT, "首页已打开，但有 %d 个资源未能加载（不影响首页可访问性）：%s", failing.size(),
                            described(failing)), evidence));
        }
        if (!unreachable.isEmpty()) {
            findings.add(Finding.about(AvailabilityCheck.INDICATOR, UNVERIFIED, Severity.INFO, pageUrl,
                    hosts(unreachable), String.format(Locale.ROOT,
                            "首页有 %d 个资源无法核实（本机无法访问其主机，不影响首页可访问性）：%s", unreachable.size(),
                            described(unreachable)), evidence));
        }
        return findings;
    }

    private static String hosts(List<ResourceTrouble> troubles) {
        return troubles.stream().map(ResourceTrouble::host).distinct().sorted().collect(Collectors.joining(","));
    }

    /** Per host: {@code hm.baidu.com（无响应，已等待5.1秒：https://hm.baidu.com/hm.js?…）}. */
    private static String described(List<ResourceTrouble> troubles) {
        Map<String, List<ResourceTrouble>> byHost = new LinkedHashMap<>();
        troubles.forEach(t -> byHost.computeIfAbsent(t.host(), h -> new ArrayList<>()).add(t));
        return byHost.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue().stream()
                        .map(t -> String.format(Locale.ROOT, "%s，%s%.1f秒：%s", t.reason(),
                                t.hanging() ? "已等待" : "用时", t.millis() / 1000.0, t.url()))
                        .collect(Collectors.joining("；")) + "）")
                .collect(Collectors.joining("、"));
    }
}

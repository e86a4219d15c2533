package cn.xunjian.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The links of a page or a site that could be judged neither working nor broken, gathered for the one info line
 * each reason gets in a report: how many, which, and for guarded hosts which host.
 */
public final class UnverifiedLinks {
    /** How many URLs a line lists before it says "…等". */
    static final int LISTED = 10;

    private final Map<Unverified, List<String>> urls = new LinkedHashMap<>();

    public void add(LinkStatus status) {
        if (status.unverified() != null) {
            urls.computeIfAbsent(status.unverified(), k -> new ArrayList<>()).add(status.url());
        }
    }

    public boolean isEmpty() {
        return urls.isEmpty();
    }

    /**
     * One Chinese sentence per reason, e.g. {@code 首页有 3 个外部链接无法核实（本机无法访问该主机）：a、b、c}; for a
     * guarded host one per host. {@code where} is 首页 or 首页以外.
     */
    public Map<Unverified, List<String>> lines(String where) {
        Map<Unverified, List<String>> out = new LinkedHashMap<>();
        for (var e : urls.entrySet()) {
            List<String> list = e.getValue();
            List<String> lines = new ArrayList<>();
            switch (e.getKey()) {
                case UNREACHABLE -> lines.add(String.format(Locale.ROOT, "%s有 %d 个外部链接无法核实（本机无法访问其主机，"
                        + "不计为不可用）：%s", where, list.size(), listed(list)));
                case OFFLINE -> lines.add(String.format(Locale.ROOT, "%s有 %d 个外部链接未核实（离线模式）：%s", where,
                        list.size(), listed(list)));
                case GUARDED -> byHost(list).forEach((host, hostUrls) -> lines.add(String.format(Locale.ROOT,
                        "%s受访问防护，未能核实：%s 的 %d 个链接（该主机要求通过浏览器验证，巡检未能通过，不计为不可用）：%s",
                        where, host, hostUrls.size(), listed(hostUrls))));
            }
            out.put(e.getKey(), lines);
        }
        return out;
    }

    private static Map<String, List<String>> byHost(List<String> list) {
        Map<String, List<String>> hosts = new TreeMap<>();
        for (String url : list) {
            String host;
            try {
                host = URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            hosts.computeIfAbsent(host == null ? url : host, k -> new ArrayList<>()).add(url);
        }
        return hosts;
    }

    private static String listed(List<String> list) {
        String shown = String.join("、", list.subList(0, Math.min(LISTED, list.size())));
        return list.size() > LISTED ? shown + " 等" : shown;
    }
}

package cn.xunjian.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the seconds of a short batch run go, for the link benchmark: milliseconds from the launch to each named
 * moment (main entered, command called, crawl started, crawl over, resources closed, report written), printed to
 * standard error when the system property {@code xunjian.phases} is set. Its value is the launch time in epoch
 * milliseconds as the benchmark's shell took it before starting {@code java} ({@code date +%s%3N}); any other value
 * counts from the JVM's own start time, read only after the report is written so that the run pays nothing for it.
 */
final class RunPhases {
    private static final String PROPERTY = System.getProperty("xunjian.phases");
    private static final boolean ON = PROPERTY != null;
    private static long mainEntered;

    private final List<String> names = new ArrayList<>();
    private final List<Long> at = new ArrayList<>();

    /** Called first thing in {@code main}: the one moment before the command exists. */
    static void mainEntered() {
        if (ON) {
            mainEntered = System.currentTimeMillis();
        }
    }

    RunPhases() {
        if (ON && mainEntered != 0) {
            names.add("main");
            at.add(mainEntered);
        }
        mark("command");
    }

    void mark(String name) {
        if (ON) {
            names.add(name);
            at.add(System.currentTimeMillis());
        }
    }

    /** Prints {@code 阶段：main 120 ms · command 310 ms · …}, each the time since the JVM started, when enabled. */
    void print(PrintWriter err) {
        if (!ON) {
            return;
        }
        long start;
        String from;
        try {
            start = Long.parseLong(PROPERTY);
            from = "自启动命令起";
        } catch (NumberFormatException e) {
            start = ManagementFactory.getRuntimeMXBean().getStartTime();
            from = "自 JVM 启动起";
        }
        StringBuilder line = new StringBuilder("阶段（" + from + "，毫秒）：");
        for (int i = 0; i < names.size(); i++) {
            line.append(i == 0 ? "" : " · ").append(names.get(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%d", at.get(i) - start));
        }
        err.println(line);
        err.flush();
    }
}

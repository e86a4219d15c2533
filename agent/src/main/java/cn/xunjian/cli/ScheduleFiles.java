package cn.xunjian.cli;

import cn.xunjian.schedule.Schedule;
import cn.xunjian.schedule.ScheduleFileException;
import cn.xunjian.schedule.ScheduleLoader;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.site.SiteFileException;
import cn.xunjian.site.SiteFileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads a schedule file and its site files for {@code serve} and {@code status}; errors are configuration errors. */
final class ScheduleFiles {
    record Loaded(Schedule schedule, List<ScheduledSite> sites) {
    }

    private ScheduleFiles() {
    }

    /** The loaded schedule, or null after printing the problem (the caller exits with 2). */
    static Loaded load(Path file, PrintWriter err) {
        try {
            Schedule schedule = ScheduleLoader.standard().load(file);
            List<ScheduledSite> sites = new ArrayList<>();
            SiteFileLoader loader = new SiteFileLoader();
            for (Path site : schedule.sites()) {
                sites.add(ScheduledSite.of(site, loader.load(site)));
            }
            return new Loaded(schedule, sites);
        } catch (ScheduleFileException | SiteFileException e) {
            err.println("配置错误：" + e.getMessage());
            return null;
        }
    }
}

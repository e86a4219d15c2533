package cn.xunjian.console;

import cn.xunjian.schedule.ScheduledSite;

/** Puts a site saved in the console to work: the daemon installs or updates its probe and audit jobs. */
@FunctionalInterface
public interface SiteJobs {
    void install(ScheduledSite site) throws Exception;
}

package cn.xunjian.console;

import cn.xunjian.schedule.ScheduledSite;

/**
 * A scheduled site as the console addresses it: by its 网站标识码, or by its schedule key when the site file gives
 * no code.
 */
public record ConsoleSite(String ref, ScheduledSite scheduled) {
    static ConsoleSite of(ScheduledSite s) {
        String code = s.site().siteCode();
        return new ConsoleSite(code == null || code.isBlank() ? s.key() : code, s);
    }

    public String name() {
        return scheduled.site().name();
    }

    public String url() {
        return scheduled.site().url();
    }

    public String siteCode() {
        return scheduled.site().siteCode();
    }

    /** 站点文件, 站点文件（控制台已修改） or 控制台. */
    public String origin() {
        return scheduled.origin().label();
    }
}

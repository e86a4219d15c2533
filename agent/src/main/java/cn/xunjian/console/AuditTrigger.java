package cn.xunjian.console;

/** Starts a site's audit now ("立即巡检"); the daemon implements it with its Quartz job. */
@FunctionalInterface
public interface AuditTrigger {
    AuditTrigger NONE = key -> {
        throw new IllegalStateException("no daemon to run audits");
    };

    void auditNow(String siteKey) throws Exception;
}

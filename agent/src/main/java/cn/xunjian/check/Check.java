package cn.xunjian.check;

/**
 * One check of a site against one indicator. A check declares its scope by the kind it is — the rendered home
 * page ({@link HomePageCheck}), every crawled page ({@link PageCheck}) or the whole site ({@link SiteCheck}) — and
 * sees the site only through the ports of its context. Implementations are small and stateless; a check that
 * throws becomes an errored outcome with evidence and the audit goes on. Adding a check is one class and one line
 * in the audit's registry.
 */
public sealed interface Check permits HomePageCheck, PageCheck, SiteCheck {
    /** Stable name: the prefix of its findings' kinds and the {@code check} of its outcome in report.json. */
    String name();

    /** The indicator an error of this check is reported against. */
    String indicator();

    /** Where the check looks. */
    Scope scope();
}

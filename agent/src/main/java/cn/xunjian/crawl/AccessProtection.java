package cn.xunjian.crawl;

/**
 * Answers that mean "this site's access protection turned an automated visitor away", not "the link is broken":
 * a citizen's browser gets the page, so the link is reported as 受访问防护（未能核实）and never deducted. Kept to one
 * small function so that challenge recognition (vendor markers, scripted cookie pages) can extend it.
 */
public final class AccessProtection {
    /** LinkedIn and others answer 999 to clients they take for bots. */
    private static final int BOT_REFUSED = 999;

    private AccessProtection() {
    }

    /** Whether an answer with this status (and no transport error) is a protection's refusal. */
    public static boolean blocks(int status) {
        return status == BOT_REFUSED;
    }
}

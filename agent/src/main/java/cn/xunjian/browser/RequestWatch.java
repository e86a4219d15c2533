package cn.xunjian.browser;

import cn.xunjian.internal.DataFile;
import cn.xunjian.net.HttpFailure.Problem;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requests of one page as they start, finish and fail, so that the page can be taken once its own content is
 * shown and the rest of the network is either quiet or hanging, and so that what hung or failed can be named.
 * Playwright delivers the events on the thread that drives the page: no locking.
 */
final class RequestWatch {
    static final Duration HANG_AFTER;
    static final Duration QUIET_FOR;

    static {
        DataFile.Obj root = DataFile.read(RequestWatch.class, "page-load.json").root("_comment?", "hangAfter",
                "quietFor");
        HANG_AFTER = Duration.parse(root.string("hangAfter"));
        QUIET_FOR = Duration.parse(root.string("quietFor"));
    }

    private final Map<Request, Long> pending = new IdentityHashMap<>();
    private final List<ResourceTrouble> failed = new ArrayList<>();
    private long lastActivity = System.nanoTime();
    private boolean loaded;
    private Response mainResponse;

    RequestWatch(Page page) {
        page.onRequest(r -> {
            if (!r.url().startsWith("data:")) {
                pending.put(r, System.nanoTime());
                lastActivity = System.nanoTime();
            }
        });
        page.onRequestFinished(r -> {
            pending.remove(r);
            lastActivity = System.nanoTime();
        });
        page.onRequestFailed(this::failed);
        page.onLoad(p -> loaded = true);
        page.onResponse(r -> {
            boolean redirect = r.status() >= 300 && r.status() < 400;
            if (r.request().isNavigationRequest() && r.frame() == page.mainFrame() && !redirect) {
                mainResponse = r;
            }
        });
    }

    /** The main frame's last document response (a redirect's hops aside), if one arrived. */
    Optional<Response> mainResponse() {
        return Optional.ofNullable(mainResponse);
    }

    private void failed(Request r) {
        Long started = pending.remove(r);
        lastActivity = System.nanoTime();
        String error = r.failure();
        // Requests the scope blocked, and those a navigation cancelled, are not the site's failures.
        if (error == null || error.contains("ERR_BLOCKED_BY_CLIENT") || error.contains("ERR_ABORTED")
                || r.isNavigationRequest()) {
            return;
        }
        Problem problem = ResourceTrouble.problemOf(error);
        long ms = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        failed.add(new ResourceTrouble(r.url(), ResourceTrouble.hostOf(r.url()), problem,
                ResourceTrouble.reasonOf(problem, error), ms, false));
    }

    boolean loaded() {
        return loaded;
    }

    /**
     * True when nothing but hanging requests is left: no request has started, finished or failed for
     * {@link #QUIET_FOR}, and every request still waiting has waited at least {@link #HANG_AFTER}.
     */
    boolean settled() {
        long now = System.nanoTime();
        if (now - lastActivity < QUIET_FOR.toNanos()) {
            return false;
        }
        return pending.values().stream().allMatch(start -> now - start >= HANG_AFTER.toNanos());
    }

    /** Whether some request has been waiting for {@link #HANG_AFTER} or longer. */
    boolean hanging() {
        long now = System.nanoTime();
        return pending.values().stream().anyMatch(start -> now - start >= HANG_AFTER.toNanos());
    }

    /**
     * What failed so far and what is still waiting now, in the order they were seen. A request waits long enough
     * to count as hanging after {@link #HANG_AFTER}, or at once when the page was taken at its deadline.
     */
    List<ResourceTrouble> troubles(boolean atDeadline) {
        long now = System.nanoTime();
        long hangMillis = atDeadline ? 0 : HANG_AFTER.toMillis();
        List<ResourceTrouble> all = new ArrayList<>(failed);
        pending.forEach((r, start) -> {
            long ms = (now - start) / 1_000_000;
            if (ms >= hangMillis && !r.isNavigationRequest()) {
                all.add(new ResourceTrouble(r.url(), ResourceTrouble.hostOf(r.url()), Problem.TIMEOUT,
                        "无响应", ms, true));
            }
        });
        return List.copyOf(all);
    }
}

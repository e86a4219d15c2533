package cn.xunjian.crawl;

import cn.xunjian.net.HttpStack;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.model.SitePage;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one site breadth-first and checks every link, image and attachment on its pages once.
 *
 * <p>The site is the start URL's host and port, limited to its directory when the start URL has a path prefix
 * ({@code http://host/yjglj/} crawls only {@code /yjglj/…}). Same-site pages are fetched with GET and parsed
 * (up to {@link CrawlLimits#maxPages()} and {@link CrawlLimits#maxDepth()}); every other URL is checked with
 * HEAD, or a GET cut off after the headers, so attachments are never downloaded. Pages that answer 200 but say
 * they do not exist count as broken ("soft 404").
 *
 * <p>Fetching and parsing run on a pool of worker threads; the thread that calls {@link #crawl} owns the
 * frontier and the visited set and is the only one that calls the listener. Page bodies are dropped once the
 * listener has seen them.
 */
public final class SiteCrawler implements AutoCloseable {
    /** The logger, created on first use: SLF4J's set-up costs a short links run measurable start-up time. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(SiteCrawler.class);
    }

    private final CrawlLimits limits;
    private final CrawlRules rules;
    private final NetworkScope scope;
    private final UrlNormalizer normalizer;
    private final LinkExtractor extractor;
    private final Soft404Detector.Rules soft404Rules;
    private final HttpFetcher fetcher;
    private final HttpStack ownStack;
    private final ExecutorService pool;
    private final int maxInFlight;

    /** A crawler with a stack of its own, within {@code scope} and the per-host limits of {@code limits}. */
    public SiteCrawler(CrawlLimits limits, NetworkScope scope) {
        this(limits, stackFor(limits, scope), true);
    }

    /**
     * A crawler that sends its requests through {@code http} (whose scope and per-host limits it obeys; the
     * stack's per-host limit should be {@code limits.perHost()}), which it does not close.
     */
    public SiteCrawler(CrawlLimits limits, HttpStack http) {
        this(limits, http, false);
    }

    private SiteCrawler(CrawlLimits limits, HttpStack http, boolean owned) {
        this.limits = limits;
        this.rules = CrawlRules.standard();
        this.scope = http.scope();
        this.normalizer = new UrlNormalizer(rules.traps());
        this.extractor = new LinkExtractor(normalizer, rules);
        this.soft404Rules = Soft404Detector.Rules.standard();
        this.fetcher = new HttpFetcher(http, limits.timeout(), limits.maxPageBytes(), normalizer);
        this.ownStack = owned ? http : null;
        this.maxInFlight = rules.maxInFlight();
        this.pool = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "crawl");
            t.setDaemon(true);
            return t;
        });
    }

    /** A same-site page waiting to be fetched, and where it was first linked from. */
    private record PageTask(String url, int depth, String source, String text, int sourceDepth) {
    }

    /** Any other URL waiting to be checked. */
    private record LinkTask(String url, String source, String text, LinkKind kind, int sourceDepth) {
    }

    private sealed interface Outcome permits PageDone, LinkDone {
    }

    private record PageDone(PageTask task, LinkStatus status, String finalUrl, String html, boolean soft404,
                            boolean truncated, List<LinkExtractor.Found> links, Set<String> anchors)
            implements Outcome {
    }

    /**
     * A checked link; for an {@link LinkKind#ANCHOR} task, the anchors of the page fetched (null: none); for a
     * same-site stylesheet, what its {@code url()}s and {@code @import}s load (null: none read).
     */
    private record LinkDone(LinkTask task, LinkStatus status, TargetPreview preview, Set<String> anchors,
                            List<LinkExtractor.Found> loads) implements Outcome {
        LinkDone(LinkTask task, LinkStatus status) {
            this(task, status, null, null, null);
        }
    }

    /** A link with a fragment to a same-site page, waiting for that page's anchors. */
    private record FragmentRef(String fragment, String source, String text, int sourceDepth) {
    }

    /** Which URLs belong to the crawled site. */
    private record Site(String origin, String prefix) {
        static Site of(String start) {
            URI u = URI.create(start);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String prefix = path.substring(0, path.lastIndexOf('/') + 1);
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (!last.isEmpty() && !last.contains(".")) {
                prefix = path + "/"; // "/yjglj" names a directory
            }
            String origin = start.substring(0, start.indexOf('/', start.indexOf("://") + 3));
            return new Site(origin, prefix);
        }

        boolean contains(String url) {
            if (!url.startsWith(origin)) {
                return false;
            }
            String rest = url.substring(origin.length());
            return rest.startsWith(prefix) || (rest + "/").equals(prefix)
                    || (rest.startsWith("?") && prefix.equals("/"));
        }
    }

    /**
     * Crawls the site of {@code startUrl}, reporting pages and links to the listener as they are found.
     *
     * @throws IllegalArgumentException when {@code startUrl} is not an http(s) URL
     */
    public CrawlResult crawl(String startUrl, CrawlListener listener) throws InterruptedException {
        String start = normalizer.normalize(startUrl)
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + startUrl));
        fetcher.home(URI.create(start).getHost());
        return new Run(start, listener).run();
    }

    /** The state of one crawl; touched only by the calling thread. */
    private final class Run {
        private final String start;
        private final CrawlListener listener;
        private final boolean previews;
        /** Whether {@code #id} of links to other sites' pages is checked too (their page fetched with GET). */
        private final boolean externalFragments;
        private final Site site;
        private final Soft404Detector soft404 = new Soft404Detector(soft404Rules);
        private final CrawlTraps traps = new CrawlTraps(rules.traps());
        private final UrlSet seen = new UrlSet();
        private final ArrayDeque<PageTask> pages = new ArrayDeque<>();
        private final ArrayDeque<LinkTask> checks = new ArrayDeque<>();
        private final BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        private final List<CheckedLink> broken = new ArrayList<>();
        private final List<String> softNotFound = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** Same-site pages queued or in flight: a fragment link to one of them waits for its anchors. */
        private final Set<String> queuedPages = new HashSet<>();
        private final Map<String, List<FragmentRef>> pendingFragments = new HashMap<>();
        private final Set<String> reportedFragments = new HashSet<>();
        private final Set<String> invalidLinks = new HashSet<>();
        private final Set<String> guardedHosts = new TreeSet<>();
        private int guarded;
        private int inFlight;
        private int pagesQueued;
        private int pagesParsed;
        private int links;
        private int overPageCap;
        private int overDepthCap;
        private boolean preferChecks;

        Run(String start, CrawlListener listener) {
            this.start = start;
            this.listener = listener;
            this.previews = listener.previewsTargets() && rules.targetPreviewBytes() > 0;
            this.externalFragments = listener.checksExternalFragments();
            this.site = Site.of(start);
        }

        CrawlResult run() throws InterruptedException {
            if (!scope.allows(start)) {
                notes.add("起始页面超出允许访问的网络范围，未检查：" + start);
                return result();
            }
            probe();
            seen.add(start);
            pages.add(new PageTask(start, 0, "", "首页", -1));
            queuedPages.add(start);
            pagesQueued = 1;
            if (listener.threadConfined()) {
                coordinate();
            } else {
                share();
            }
            if (overPageCap > 0) {
                notes.add("已达到页面上限（" + limits.maxPages() + " 页），另有 " + overPageCap + " 个本站页面只检查了能否访问");
            }
            if (overDepthCap > 0) {
                notes.add("超过深度上限（" + limits.maxDepth() + " 层）的本站页面 " + overDepthCap + " 个只检查了能否访问");
            }
            if (guarded > 0) {
                notes.add("受访问防护，未能核实的地址 " + guarded + " 个（" + String.join("、", guardedHosts) + "）");
            }
            notes.addAll(traps.notes());
            return result();
        }

        private CrawlResult result() {
            broken.sort(Comparator.comparing(CheckedLink::sourceUrl).thenComparing(CheckedLink::url));
            return new CrawlResult(pagesParsed, links, broken, softNotFound, notes, overPageCap + overDepthCap > 0);
        }

        /** Fetches once what the site answers for a URL that cannot exist, to recognise its "not found" page. */
        private void probe() throws InterruptedException {
            // unguessable enough for a name no site has; SecureRandom's provider set-up costs ~20 ms of start-up
            String url = site.origin() + site.prefix() + "xunjian-probe-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() ^ System.nanoTime()) + ".html";
            HttpFetcher.Fetched f = fetcher.page(url);
            if (f.body() != null && f.status().status() == 200) {
                Document doc = Jsoup.parse(CharsetDetector.decode(f.body(), f.contentType()), f.finalUrl());
                soft404.probe(doc.text());
                Log.LOG.debug("site answers 200 for a non-existent URL; soft-404 comparison on");
            }
        }

        /** The calling thread hands tasks to the workers and handles every outcome (and so every listener call). */
        private void coordinate() throws InterruptedException {
            while (true) {
                while (inFlight < maxInFlight && (!pages.isEmpty() || !checks.isEmpty())) {
                    submitNext();
                }
                if (inFlight == 0) {
                    break;
                }
                handle(done.take());
            }
        }

        private void handle(Outcome o) {
            inFlight--;
            if (o instanceof PageDone p) {
                handle(p);
            } else if (o instanceof LinkDone l) {
                handle(l);
            }
        }

        // --- shared mode: workers take tasks and handle outcomes themselves, under the run's lock ---

        private int siteInFlight;
        private int waiting;
        private boolean over;
        private Throwable failure;

        /**
         * Workers take tasks from the frontier and handle their outcomes themselves, one at a time under this
         * run's lock, so a request costs no thread hand-offs. Used when the listener may be called from any thread;
         * at most {@code perHost} requests to the site's own host are started at once, so that workers do not
         * queue on the host gate.
         */
        private void share() throws InterruptedException {
            int workers = maxInFlight;
            for (int k = 0; k < workers; k++) {
                pool.execute(this::work);
            }
            synchronized (this) {
                try {
                    while (!over) {
                        wait();
                    }
                } finally {
                    over = true;
                    notifyAll();
                }
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
            }
        }

        private void work() {
            try {
                while (true) {
                    Object task;
                    boolean site;
                    synchronized (this) {
                        while (true) {
                            if (over) {
                                return;
                            }
                            task = nextShared();
                            if (task != null) {
                                break;
                            }
                            if (inFlight == 0 && pages.isEmpty() && checks.isEmpty()) {
                                over = true;
                                notifyAll();
                                return;
                            }
                            waiting++;
                            try {
                                wait();
                            } finally {
                                waiting--;
                            }
                        }
                        site = onSiteHost(task);
                        inFlight++;
                        if (site) {
                            siteInFlight++;
                        }
                    }
                    Outcome o = task instanceof PageTask p ? fetchPage(p) : checkLink((LinkTask) task);
                    synchronized (this) {
                        if (site) {
                            siteInFlight--;
                        }
                        handle(o);
                        int ready = pages.size() + checks.size();
                        if (inFlight == 0 && ready == 0) {
                            over = true;
                            notifyAll();
                            return;
                        }
                        // this worker takes the next task itself; wake others only for what can start besides it
                        int spare = limits.perHost() - siteInFlight - 1;
                        int wake = Math.max(0, Math.min(ready - 1, spare));
                        if (wake == 0 && !checks.isEmpty() && !onSiteHost(checks.peek())) {
                            wake = 1;
                        }
                        for (int k = 0; k < Math.min(waiting, wake); k++) {
                            notify();
                        }
                    }
                }
            } catch (Throwable t) {
                synchronized (this) {
                    failure = failure == null ? t : failure;
                    over = true;
                    notifyAll();
                }
            }
        }

        /** The next task that may start now, or null; alternates pages and checks as {@link #submitNext} does. */
        private Object nextShared() {
            boolean siteFull = siteInFlight >= limits.perHost();
            boolean takeCheck = !checks.isEmpty() && (pages.isEmpty() || preferChecks);
            if (takeCheck && siteFull && onSiteHost(checks.peek())) {
                takeCheck = false;
            }
            if (!takeCheck && (pages.isEmpty() || siteFull)) {
                if (checks.isEmpty() || (siteFull && onSiteHost(checks.peek()))) {
                    return null;
                }
                takeCheck = true;
            }
            preferChecks = !preferChecks;
            return takeCheck ? checks.poll() : pages.poll();
        }

        private boolean onSiteHost(Object task) {
            String url = task instanceof PageTask p ? p.url() : ((LinkTask) task).url();
            return url.startsWith(site.origin()) && (url.length() == site.origin().length()
                    || "/?#".indexOf(url.charAt(site.origin().length())) >= 0);
        }

        private void submitNext() {
            boolean takeCheck = !checks.isEmpty() && (pages.isEmpty() || preferChecks);
            preferChecks = !preferChecks;
            inFlight++;
            if (takeCheck) {
                LinkTask t = checks.poll();
                pool.execute(() -> done.add(checkLink(t)));
            } else {
                PageTask t = pages.poll();
                pool.execute(() -> done.add(fetchPage(t)));
            }
        }

        private Outcome checkLink(LinkTask t) {
            try {
                if (previews && t.kind() == LinkKind.PAGE && !onSiteHost(t)) {
                    HttpFetcher.Previewed p = fetcher.preview(t.url(), rules.targetPreviewBytes());
                    return new LinkDone(t, p.status(), p.preview(), null, null);
                }
                if (t.kind() == LinkKind.ANCHOR) {
                    HttpFetcher.Fetched f = fetcher.page(t.url());
                    Set<String> anchors = f.body() == null ? null
                            : LinkScanner.scan(CharsetDetector.decode(f.body(), f.contentType()), false).anchors();
                    return new LinkDone(t, f.status(), null, anchors, null);
                }
                if (t.kind() == LinkKind.STYLESHEET && site.contains(t.url())) {
                    // the site's own stylesheets are read, so that the images and fonts they load are checked too
                    HttpFetcher.Fetched f = fetcher.stylesheet(t.url(), limits.maxPageBytes());
                    List<LinkExtractor.Found> loads = f.body() == null || !site.contains(f.finalUrl()) ? null
                            : extractor.stylesheetLinks(
                            CharsetDetector.decodeStylesheet(f.body(), f.contentType()), f.finalUrl());
                    return new LinkDone(t, f.status(), null, null, loads);
                }
                return new LinkDone(t, fetcher.check(t.url()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LinkDone(t, new LinkStatus(t.url(), 0, "检查被中断", "", 0, false));
            } catch (RuntimeException e) {
                return new LinkDone(t, new LinkStatus(t.url(), 0, "检查出错：" + e, "", 0, false));
            }
        }

        /** Runs on a worker: fetch, decode, parse, extract. */
        private Outcome fetchPage(PageTask t) {
            try {
                HttpFetcher.Fetched f = fetcher.page(t.url());
                if (f.body() == null || !site.contains(f.finalUrl())) {
                    return new PageDone(t, f.status(), f.finalUrl(), null, false, false, List.of(), null);
                }
                String html = CharsetDetector.decode(f.body(), f.contentType());
                boolean notFound = false;
                LinkScanner.Scan scan = LinkScanner.scan(html, t.depth() > 0);
                // a DOM only for the rare page that may be a "not found" page: the scan is several times cheaper
                if (t.depth() > 0 && soft404.mayBeNotFound(scan.title(), scan.squeezedText())) {
                    notFound = soft404.notFound(Jsoup.parse(html, f.finalUrl()));
                }
                List<LinkExtractor.Found> found = notFound ? List.of() : extractor.links(scan, f.finalUrl());
                LinkStatus status = notFound ? new LinkStatus(t.url(), 200, "页面不存在（HTTP 200）",
                        f.status().method(), f.status().millis(), false) : f.status();
                return new PageDone(t, status, f.finalUrl(), notFound ? null : html, notFound, f.truncated(), found,
                        notFound ? null : scan.anchors());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PageDone(t, new LinkStatus(t.url(), 0, "检查被中断", "", 0, false), t.url(), null, false,
                        false, List.of(), null);
            } catch (RuntimeException e) {
                return new PageDone(t, new LinkStatus(t.url(), 0, "检查出错：" + e, "", 0, false), t.url(), null,
                        false, false, List.of(), null);
            }
        }

        private void handle(PageDone p) {
            PageTask t = p.task();
            boolean isStart = t.depth() == 0;
            if (isStart) {
                if (p.status().broken()) {
                    notes.add("起始页面无法访问：" + p.status().describe());
                    broken.add(new CheckedLink(t.url(), "", t.text(), LinkKind.PAGE, p.status(), -1));
                } else if (p.status().unverified() != null) {
                    // a guarded site yields nothing beyond its start page: say so, the listener's lines included
                    notes.add("起始页面" + p.status().describe());
                    report(new CheckedLink(t.url(), "", t.text(), LinkKind.PAGE, p.status(), -1));
                }
            } else {
                report(new CheckedLink(t.url(), t.source(), t.text(), LinkKind.PAGE, p.status(), t.sourceDepth()));
            }
            if (p.soft404()) {
                softNotFound.add(t.url());
            }
            queuedPages.remove(t.url());
            resolveFragments(t.url(), p.html() == null ? null : p.anchors());
            if (p.html() == null) {
                return;
            }
            if (!p.finalUrl().equals(t.url()) && !seen.add(p.finalUrl())) {
                return; // redirected to a page the crawl already has
            }
            if (p.truncated()) {
                notes.add("页面超过 " + mb(limits.maxPageBytes()) + "，只读取了前 " + mb(limits.maxPageBytes())
                        + "：" + t.url());
            }
            pagesParsed++;
            listener.page(new SitePage(p.finalUrl(), p.html(), t.depth()));
            for (LinkExtractor.Found link : p.links()) {
                discover(link, p.finalUrl(), t.depth());
                if (link.fragment() != null && !link.invalid() && link.kind() == LinkKind.PAGE
                        && (site.contains(link.url()) || externalFragments)) {
                    fragment(link, p.finalUrl(), t.depth(), p.anchors());
                }
            }
        }

        /**
         * Checks a link's fragment against the anchors of the page it points to: at once for the page itself,
         * when it arrives for a page queued, else by fetching that page again (its anchors are not kept).
         */
        private void fragment(LinkExtractor.Found link, String source, int depth, Set<String> sourceAnchors) {
            String url = link.url();
            FragmentRef ref = new FragmentRef(link.fragment(), source, link.text(), depth);
            if (url.equals(source)) {
                checkFragment(url, ref, sourceAnchors);
                return;
            }
            List<FragmentRef> waiting = pendingFragments.get(url);
            if (waiting != null) {
                waiting.add(ref);
                return;
            }
            pendingFragments.put(url, new ArrayList<>(List.of(ref)));
            if (!queuedPages.contains(url)) {
                checks.add(new LinkTask(url, source, link.text(), LinkKind.ANCHOR, depth));
            }
        }

        private void resolveFragments(String url, Set<String> anchors) {
            List<FragmentRef> refs = pendingFragments.remove(url);
            if (refs == null || anchors == null) {
                return; // a page that did not arrive is reported itself
            }
            for (FragmentRef ref : refs) {
                checkFragment(url, ref, anchors);
            }
        }

        private void checkFragment(String url, FragmentRef ref, Set<String> anchors) {
            String fragment = ref.fragment();
            String decoded = WebUrl.percentDecode(fragment);
            // the HTML standard's "indicated part": empty and "top" are the top of the page, then id, then a[name]
            if (fragment.isEmpty() || decoded.equalsIgnoreCase("top") || anchors.contains(fragment)
                    || anchors.contains(decoded)) {
                return;
            }
            String target = url + "#" + fragment;
            if (!reportedFragments.add(target)) {
                return;
            }
            report(new CheckedLink(target, ref.source(), ref.text(), LinkKind.ANCHOR, new LinkStatus(target, 200,
                    "锚点不存在（页面中没有 id 或 name 为“" + decoded + "”的元素）", "GET", 0, false),
                    ref.sourceDepth()));
        }

        private void discover(LinkExtractor.Found link, String source, int depth) {
            String url = link.url();
            if (link.invalid()) {
                if (invalidLinks.add(url)) { // as written: not a URL, so not in the URL set
                    report(new CheckedLink(url, source, link.text(), link.kind(), new LinkStatus(url, 0,
                            "链接地址无效（浏览器无法打开）", "", 0, false), depth));
                }
                return;
            }
            if (!seen.add(url)) {
                return;
            }
            boolean crawlable = link.kind() == LinkKind.PAGE && site.contains(url);
            if (crawlable && traps.trap(url).isPresent()) {
                return;
            }
            if (crawlable && depth + 1 <= limits.maxDepth() && pagesQueued < limits.maxPages()) {
                pagesQueued++;
                queuedPages.add(url);
                pages.add(new PageTask(url, depth + 1, source, link.text(), depth));
                return;
            }
            if (crawlable && depth + 1 > limits.maxDepth()) {
                overDepthCap++;
            } else if (crawlable) {
                overPageCap++;
            }
            if (!scope.allows(url)) {
                report(new CheckedLink(url, source, link.text(), link.kind(), LinkStatus.skipped(url), depth));
                return;
            }
            checks.add(new LinkTask(url, source, link.text(), link.kind(), depth));
        }

        private void handle(LinkDone l) {
            LinkTask t = l.task();
            if (t.kind() == LinkKind.ANCHOR) {
                resolveFragments(t.url(), l.anchors());
                return;
            }
            report(new CheckedLink(t.url(), t.source(), t.text(), t.kind(), l.status(), t.sourceDepth(),
                    l.preview()));
            if (l.loads() != null) {
                for (LinkExtractor.Found load : l.loads()) {
                    discover(load, t.url(), t.sourceDepth()); // found on the stylesheet, which reports them
                }
            }
        }

        private void report(CheckedLink link) {
            links++;
            if (link.status().guarded()) {
                guarded++;
                guardedHosts.add(URI.create(link.url()).getHost());
            }
            if (link.broken()) {
                broken.add(link);
            }
            listener.link(link);
        }
    }

    private static String mb(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format(Locale.ROOT, "%d 字节", bytes);
    }

    /** A stack for a crawl of its own: the crawl's per-host limits, no cookies. */
    static HttpStack stackFor(CrawlLimits limits, NetworkScope scope) {
        return HttpStack.builder(scope).perHost(limits.perHost(), limits.minDelay()).timeout(limits.timeout()).build();
    }

    /** Stops the worker threads; a crawl in progress ends with an {@link InterruptedException}. */
    @Override
    public void close() {
        pool.shutdownNow();
        if (ownStack != null) {
            ownStack.close();
        }
    }
}

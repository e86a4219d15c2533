package cn.xunjian.cli;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.browser.ChromiumChallengeSolver;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.crawl.CrawlLimits;
import cn.xunjian.crawl.CrawlListener;
import cn.xunjian.crawl.CrawlResult;
import cn.xunjian.crawl.SiteCrawler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import cn.xunjian.crawl.LinkStatus;
import cn.xunjian.crawl.UnverifiedLinks;
import cn.xunjian.net.HttpStack;
import cn.xunjian.net.Reachability;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xunjian links URL}: crawls a site and lists its broken links, images and attachments. */
@Command(name = "links", description = "检查整个网站的链接、图片和附件（同站页面逐页抓取，每个地址只检查一次）")
final class LinksCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "起始页面（通常是网站首页）")
    String url;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Option(names = "--max-pages", paramLabel = "N", description = "最多抓取的页面数，默认取 crawl.json 中的设置")
    Integer maxPages;

    @Option(names = "--per-host", paramLabel = "N", description = "对同一主机同时发出的最多请求数，默认取 crawl.json 中的设置")
    Integer perHost;

    @Option(names = "--delay", paramLabel = "毫秒", description = "对同一主机相邻两次请求的最短间隔，默认取 crawl.json 中的设置")
    Integer delayMillis;

    @Option(names = "--offline", description = "离线模式：不检查其他主机上的链接（列为未核实）")
    boolean offline;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "经代理访问（http://[用户:密码@]主机:端口），默认取环境变量 HTTP_PROXY / HTTPS_PROXY / NO_PROXY")
    String proxy;

    @Option(names = "--check-external-fragments",
            description = "也核对指向其他网站页面的锚点（#id）：取回该页面查找对应的 id 或 name（默认只核对本站页面的锚点）")
    boolean externalFragments;

    @Option(names = "--loopback-only", description = "只访问本机地址（127.0.0.1、localhost），其他链接不检查")
    boolean loopbackOnly;

    @Override
    public Integer call() throws InterruptedException {
        RunPhases phases = new RunPhases();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isHttpUrl(url)) {
            err.println("用法错误：URL 应为 http:// 或 https:// 开头的网址：" + url);
            return ExitCodes.USAGE;
        }
        if (maxPages != null && maxPages < 1) {
            err.println("用法错误：--max-pages 应为正整数");
            return ExitCodes.USAGE;
        }
        if (perHost != null && perHost < 1) {
            err.println("用法错误：--per-host 应为正整数");
            return ExitCodes.USAGE;
        }
        if (delayMillis != null && delayMillis < 0) {
            err.println("用法错误：--delay 应为非负整数（毫秒）");
            return ExitCodes.USAGE;
        }
        CrawlLimits limits = CrawlLimits.defaults();
        if (delayMillis != null) {
            limits = new CrawlLimits(limits.maxPages(), limits.maxDepth(), limits.perHost(),
                    Duration.ofMillis(delayMillis), limits.timeout(), limits.maxPageBytes());
        }
        if (maxPages != null) {
            limits = limits.withMaxPages(maxPages);
        }
        if (perHost != null) {
            limits = new CrawlLimits(limits.maxPages(), limits.maxDepth(), perHost, limits.minDelay(),
                    limits.timeout(), limits.maxPageBytes());
        }
        long started = System.nanoTime();
        CrawlResult result;
        Queue<LinkStatus> unverified = new ConcurrentLinkedQueue<>();
        var proxies = ProxyOption.resolve(proxy, System.getenv(), err);
        if (proxies.isEmpty()) {
            return ExitCodes.USAGE;
        }
        try (HttpStack http = HttpStack.builder(loopbackOnly ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY)
                .perHost(limits.perHost(), limits.minDelay()).timeout(limits.timeout()).proxies(proxies.get())
                .challenges(new ChromiumChallengeSolver(loopbackOnly ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY,
                        Clock.systemUTC())).build();
             SiteCrawler crawler = new SiteCrawler(limits, http)) {
            http.reachability().home(URI.create(url.strip()).getHost());
            if (offline) {
                http.reachability().skipExternal();
            }
            http.reachability().probe(http, Reachability.probeUrls(), Reachability.probeTimeout());
            phases.mark("crawl");
            // the listener only queues, so the crawl's workers may call it: no hand-off to this thread per request
            result = crawler.crawl(url, new CrawlListener() {
                @Override
                public boolean threadConfined() {
                    return false;
                }

                @Override
                public boolean checksExternalFragments() {
                    return externalFragments;
                }

                @Override
                public void link(CheckedLink link) {
                    if (link.status().unverified() != null) {
                        unverified.add(link.status());
                    }
                }
            });
            phases.mark("crawled");
        }
        phases.mark("closed");
        UnverifiedLinks notVerified = new UnverifiedLinks();
        unverified.forEach(notVerified::add);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            out.println(toJson(result));
        } else {
            printText(out, result, seconds);
            notVerified.lines("站内").values().forEach(lines -> lines.forEach(line -> out.println("说明：" + line)));
        }
        out.flush();
        phases.mark("report");
        phases.print(err);
        return result.broken().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The result as JSON, written with Jackson's streaming generator: an object mapper would add about 0.1 s of
     * start-up to a command whose speed is a feature.
     */
    private String toJson(CrawlResult result) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(buffer)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("start", url);
            g.writeNumberField("pages", result.pages());
            g.writeNumberField("links", result.links());
            g.writeArrayFieldStart("broken");
            for (CheckedLink l : result.broken()) {
                g.writeStartObject();
                g.writeStringField("url", l.url());
                g.writeStringField("status", l.status().describe());
                g.writeStringField("source", l.sourceUrl());
                g.writeStringField("text", l.text());
                g.writeStringField("kind", l.kind().name().toLowerCase(Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("softNotFound");
            for (String s : result.softNotFound()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String s : result.notes()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeBooleanField("truncated", result.truncated());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return buffer.toString();
    }

    private static void printText(PrintWriter out, CrawlResult result, double seconds) {
        for (CheckedLink l : result.broken()) {
            out.println(l.status().describe() + "  " + l.url() + "  " + l.kind().label() + "“" + l.text() + "”"
                    + (l.sourceUrl().isEmpty() ? "" : "  所在页面 " + l.sourceUrl()));
        }
        for (String note : result.notes()) {
            out.println("说明：" + note);
        }
        out.println(String.format(Locale.ROOT, "共抓取页面 %d 个，检查地址 %d 个，失效 %d 个（其中“页面不存在”%d 个），用时 %.1f 秒",
                result.pages(), result.links(), result.broken().size(), result.softNotFound().size(), seconds));
    }
}

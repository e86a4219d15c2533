package cn.xunjian.demo;

import cn.xunjian.internal.RuleFiles;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bundled demo: a realistic county portal (临江县人民政府) with planted problems, a well-kept department site
 * (临江县教育局, the clean page next to every planted one: nothing may fire on it), a department site hijacked for
 * search engines (临江县文化广电旅游体育局: cloaked for Baiduspider, a referrer redirect in a script) and a department
 * site whose home page is down, served from the jar on 127.0.0.1 at a free port.
 *
 * <p>Planted: broken home-page links (404 page, 404 image, 404 attachment, a 500 page, a refused port), a 公安备案
 * mark drawn only in an image (readable only by OCR), an ICP number without 号 (格式不规范), a 找错 sitecode that
 * disagrees with the SiteIDCode meta, a footer QR code, a GBK-encoded page, hidden gambling links in the page and
 * after its {@code </html>}, a 公示 spreadsheet with an unmasked ID and mobile number, and a department home page
 * that answers 503.
 *
 * <p>The clean site carries the benign forms real sites give the same things: footer marks in odd but real
 * spellings (an icon for the 公安 mark inside its beian.gov.cn link, the 找错 icon calling {@code Link(…)}), masked
 * numbers, a 2022 article naming an authority by its name of then, 站内搜索 on a page linked from the navigation,
 * its consultation channel on the county's 12345 platform (another host: {@link #elsewhere()}), a column listed by
 * XHR, and a Word attachment with nothing to report.
 */
public final class DemoPortal implements AutoCloseable {
    public static final String PORTAL_NAME = "临江县人民政府";
    public static final String PORTAL_CODE = "3301850031";
    public static final String CLEAN_SITE_NAME = "临江县教育局";
    public static final String CLEAN_SITE_CODE = "3301850052";
    public static final String HIJACKED_SITE_NAME = "临江县文化广电旅游体育局";
    public static final String HIJACKED_SITE_CODE = "3301850067";
    public static final String DOWN_SITE_NAME = "临江县应急管理局";
    public static final String DOWN_SITE_CODE = "3301850045";
    private static final String ROOT = "/demo/portal";
    private static final Charset GBK = Charset.forName("GBK");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "application/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("pdf", "application/pdf"),
            Map.entry("gif", "image/gif"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            // Hanweb's dataproxy.jsp answers its column lists in XML
            Map.entry("jsp", "text/xml; charset=utf-8"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    /** Attachments written when the demo starts (see {@link DemoAttachments}), by path. */
    private static final Map<String, java.util.function.Supplier<byte[]>> GENERATED = Map.of(
            "/jyj/attach/2026-xszz-sqb.docx", DemoAttachments::cleanApplicationForm,
            "/attach/2026-10-lsjz-gs.xlsx", DemoAttachments::reliefNoticeWithOneUnmaskedRow);

    private final HttpServer server;
    private final DemoDates dates;
    private final Map<String, byte[]> generated = new java.util.HashMap<>();

    private DemoPortal(HttpServer server, Clock clock) {
        this.server = server;
        this.dates = new DemoDates(clock);
        GENERATED.forEach((path, make) -> generated.put(path, make.get()));
    }

    /** Starts the demo on 127.0.0.1 and a free port, its dates relative to today in Asia/Shanghai. */
    public static DemoPortal start() throws IOException {
        return start(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** Starts the demo with page dates ({@code {{date:-N}}} placeholders) resolved against {@code clock}. */
    public static DemoPortal start(Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoPortal portal = new DemoPortal(server, clock);
        server.createContext("/", portal::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "demo-portal");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return portal;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The same server under the name {@code localhost}: another site for the audit, still on this machine. The
     * portal's pages write it as {@code {{elsewhere}}}; its {@code /ylc/} is the gambling site that took over the
     * expired domain of a friend link (外链被劫持).
     */
    public String elsewhere() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String portalUrl() {
        return origin() + "/";
    }

    public String cleanSiteUrl() {
        return origin() + "/jyj/";
    }

    public String hijackedSiteUrl() {
        return origin() + "/wgly/";
    }

    public String downSiteUrl() {
        return origin() + "/yjglj/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            if (path.startsWith("/yjglj/")) {
                send(ex, 503, "text/html; charset=utf-8",
                        "<html><body><h1>503 Service Unavailable</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/error/500")) {
                send(ex, 500, "text/html; charset=utf-8",
                        "<html><body><h1>500 服务器内部错误</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/ylc/") || path.startsWith("/wgly/") && spider(ex)) {
                // The hijacked 文广旅体局 site: search-engine spiders get a gambling page (cloaking), and visitors
                // arriving from a search engine are sent by its tj.js to the same page under /ylc/.
                send(ex, 200, TYPES.get("html"), hijackResource("spider.html"));
            } else if (path.equals("/images/qr-wechat.png")) {
                send(ex, 200, "image/png", qr(origin() + "/h5/index.html"));
            } else if (generated.containsKey(path)) {
                send(ex, 200, TYPES.get(path.substring(path.lastIndexOf('.') + 1)), generated.get(path));
            } else {
                serveFile(ex, path.endsWith("/") ? path + "index.html" : path);
            }
        } finally {
            ex.close();
        }
    }

    private void serveFile(HttpExchange ex, String path) throws IOException {
        byte[] body = resource(path);
        if (body == null || path.contains("..")) {
            byte[] notFound = resource("/404.html");
            send(ex, 404, TYPES.get("html"), notFound == null ? new byte[0] : notFound);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (ext.equals("html") || ext.equals("js") || ext.equals("json") || ext.equals("xml") || ext.equals("jsp")) {
            body = dates.resolve(new String(body, StandardCharsets.UTF_8)).replace("{{elsewhere}}", elsewhere())
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (path.startsWith("/xxgk/") && ext.equals("html")) {
            // The 政务公开 section is served in GBK, as many county sites still are.
            body = new String(body, StandardCharsets.UTF_8).getBytes(GBK);
            type = "text/html; charset=GBK";
        }
        send(ex, 200, type, body);
    }

    private static boolean spider(HttpExchange ex) {
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        return ua != null && ua.contains("Baiduspider");
    }

    private static byte[] hijackResource(String name) {
        return RuleFiles.bytes(DemoPortal.class, "/demo/hijack/" + name);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoPortal.class.getResourceAsStream(ROOT + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Server", "nginx");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] qr(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 200, 200,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "png", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot draw demo QR code", e));
        }
    }

    /** The demo's site files, pointing at this server. */
    public List<cn.xunjian.site.SiteFile> sites() {
        return List.of(
                new cn.xunjian.site.SiteFile(PORTAL_NAME, PORTAL_CODE, portalUrl(), "portal",
                        new cn.xunjian.site.SiteFile.Consultation(origin() + "/zmhd/ask.html", true),
                        List.of(new cn.xunjian.site.SiteFile.WebView("掌上临江", origin() + "/h5/index.html"),
                                new cn.xunjian.site.SiteFile.WebView("掌上临江·政务服务", origin() + "/h5/app.html")),
                        List.of(new cn.xunjian.site.SiteFile.NewMediaAccount("临江发布", "wechat",
                                        origin() + "/newmedia/ljfb.html"),
                                new cn.xunjian.site.SiteFile.NewMediaAccount("临江文旅", "weibo",
                                        origin() + "/newmedia/ljwl.html"),
                                new cn.xunjian.site.SiteFile.NewMediaAccount("临江政务服务", "toutiao",
                                        origin() + "/newmedia/ljzw.xml")),
                        null),
                // no consultation URL: the channel is found from the home page, on the county's 12345 platform
                new cn.xunjian.site.SiteFile(CLEAN_SITE_NAME, CLEAN_SITE_CODE, cleanSiteUrl(), "department",
                        new cn.xunjian.site.SiteFile.Consultation(null, true), null, null, null),
                new cn.xunjian.site.SiteFile(HIJACKED_SITE_NAME, HIJACKED_SITE_CODE, hijackedSiteUrl(), "department",
                        new cn.xunjian.site.SiteFile.Consultation(origin() + "/wgly/zmhd/ask.html", true), null, null,
                        null),
                new cn.xunjian.site.SiteFile(DOWN_SITE_NAME, DOWN_SITE_CODE, downSiteUrl(), "department", null, null,
                        null, null));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        try {
            ((java.util.concurrent.ExecutorService) server.getExecutor()).awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package cn.xunjian.realpages;

import cn.xunjian.browser.AuditPage;
import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.PageLoad;
import cn.xunjian.check.CheckContext;
import cn.xunjian.check.Facts;
import cn.xunjian.check.FooterMarkRules;
import cn.xunjian.check.FooterMarksCheck;
import cn.xunjian.check.PageContext;
import cn.xunjian.darklink.HiddenLinkCheck;
import cn.xunjian.evidence.EvidenceStore;
import cn.xunjian.evidence.SiteEvidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.SitePage;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.site.SiteFile;
import cn.xunjian.testing.FixtureServer;
import cn.xunjian.text.PrivacyCheck;
import cn.xunjian.text.WordingCheck;
import cn.xunjian.vision.TesseractOcrEngine;
import cn.xunjian.vision.ZxingQrDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trial on real government pages: serves every page of {@code realpages/} on 127.0.0.1 as published (only the
 * HTML: its scripts, styles, frames and images answer 404, as on a closed network), opens it in real Chromium and
 * runs the checks a citizen-facing page meets first — footer marks and hidden links on the rendered page, wording
 * and personal data on the served HTML. Shared by {@code RealPagesIT} and {@code bench/real-pages.sh}.
 */
public final class RealPageTrial implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    private final Path dir;
    private final FixtureServer server = new FixtureServer();
    private final BrowserRuntime browser;
    private final BrowserSession session;
    private final TesseractOcrEngine ocr = new TesseractOcrEngine();
    private final FooterMarksCheck footer = new FooterMarksCheck(FooterMarkRules.standard());
    private final HiddenLinkCheck darklinks = new HiddenLinkCheck();
    private final WordingCheck wording = new WordingCheck();
    private final PrivacyCheck privacy = new PrivacyCheck();

    public RealPageTrial(Path dir, List<String> pages) {
        this.dir = dir;
        for (String name : pages) {
            server.bytes(path(name), "text/html; charset=utf-8", bytes(name));
        }
        browser = BrowserRuntime.start(NetworkScope.LOOPBACK_ONLY);
        session = browser.openSession(DeviceProfile.DESKTOP);
    }

    static String path(String name) {
        return "/" + name + "/index.html";
    }

    public String url(String name) {
        return server.url(path(name));
    }

    static byte[] bytes(String name) {
        try (InputStream in = RealPageTrial.class.getResourceAsStream("/realpages/" + name + ".html")) {
            if (in == null) {
                throw new IllegalArgumentException("no real page " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finding of the four checks on one page, in check order. */
    public List<Finding> findings(String name) throws Exception {
        PageLoad load = session.load(url(name), Duration.ofSeconds(20));
        if (!(load instanceof PageLoad.Loaded loaded)) {
            throw new IllegalStateException(name + " did not load: " + load);
        }
        AuditPage page = loaded.page();
        SiteFile site = SiteFile.of(name, page.url());
        SiteEvidence evidence = new SiteEvidence(new EvidenceStore(Files.createDirectories(dir.resolve(name)), CLOCK),
                "site-01");
        List<Finding> findings = new ArrayList<>(footer.run(new CheckContext(site, page, evidence, null, ocr,
                new ZxingQrDecoder(), CLOCK, new Facts())));
        findings.addAll(darklinks.inspect(page, evidence));
        SitePage served = new SitePage(page.url(), new String(bytes(name), StandardCharsets.UTF_8), 0);
        PageContext pageContext = new PageContext(site, evidence, url -> Optional.of(page), CLOCK);
        findings.addAll(wording.check(served, pageContext));
        findings.addAll(privacy.check(served, pageContext));
        return findings;
    }

    @Override
    public void close() {
        session.close();
        browser.close();
        server.close();
    }

    /** Prints, per page, the findings by kind and severity: the trial's figures. */
    public static void main(String[] args) throws Exception {
        List<String> pages = Expectations.load().stream().map(Expectations.Page::name).toList();
        Path dir = Files.createTempDirectory("real-pages");
        Map<String, Integer> totals = new TreeMap<>();
        System.out.printf("%-34s %-32s %-7s %s%n", "page", "kind", "severity", "count");
        try (RealPageTrial trial = new RealPageTrial(dir, pages)) {
            for (String name : pages) {
                Map<String, Integer> byKind = new TreeMap<>();
                for (Finding f : trial.findings(name)) {
                    byKind.merge(f.kind() + "\t" + f.severity().name().toLowerCase(java.util.Locale.ROOT), 1,
                            Integer::sum);
                    if (args.length > 0 && args[0].equals("-v")) {
                        System.out.println("    " + name + " " + f.kind() + " " + f.severity() + " " + f.url() + " "
                                + f.message());
                    }
                }
                if (byKind.isEmpty()) {
                    System.out.printf("%-34s %-32s %-7s %d%n", name, "(none)", "-", 0);
                }
                byKind.forEach((k, n) -> {
                    String[] ks = k.split("\t");
                    System.out.printf("%-34s %-32s %-7s %d%n", name, ks[0], ks[1], n);
                    totals.merge(ks[1], n, Integer::sum);
                });
            }
        }
        System.out.println("== " + pages.size() + " pages; findings by severity: " + totals);
    }
}

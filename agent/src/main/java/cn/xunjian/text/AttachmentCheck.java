package cn.xunjian.text;

import cn.xunjian.check.Facts;
import cn.xunjian.check.SiteCheck;
import cn.xunjian.check.SiteContext;
import cn.xunjian.crawl.AttachmentFetcher;
import cn.xunjian.crawl.CheckedLink;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.model.Evidence;
import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Entities;

/**
 * W-D6 and wording in the attachments the crawl found (PDF, Word, Excel, WPS): 公示 attachments are where personal
 * data leaks most often. Each reachable attachment with a readable extension is downloaded through the audit's
 * stack ({@link AttachmentFetcher}, bounded per file), its text read ({@link AttachmentText}, bounded in size and
 * time), and scanned with the same matchers as pages: unmasked ID, mobile and card numbers, and wording errors.
 * A finding's URL is the attachment's; its evidence the masked sentence and the download's size and SHA-256 (the
 * file itself is not kept: it holds the personal data). An attachment that cannot be downloaded or read is an
 * informational finding, never an error of the check. At most {@code maxFiles} attachments, {@code maxSiteBytes}
 * and {@code maxSiteTime} per site, nearest to the home page first; a summary says what was read and what not.
 */
public final class AttachmentCheck implements SiteCheck {
    private final AttachmentRules rules;
    private final AttachmentText reader;
    private final PersonalDataScanner scanner;
    private final int sentenceChars;
    private final WordingMatcher matcher;
    private final WordingAllowList allow;
    private final PublishDate publishDate;

    /** The bundled rules. */
    public AttachmentCheck() {
        this(AttachmentRules.standard(), PrivacyRules.standard(), WordingRules.standard(), WordingAllowList.standard());
    }

    AttachmentCheck(AttachmentRules rules, PrivacyRules privacy, WordingRules wording, WordingAllowList allow) {
        this.rules = rules;
        this.reader = new AttachmentText(rules);
        this.scanner = new PersonalDataScanner(privacy);
        this.sentenceChars = privacy.sentenceChars();
        this.matcher = new WordingMatcher(wording);
        this.allow = allow;
        this.publishDate = new PublishDate(wording.publishDate());
    }

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public String indicator() {
        return PrivacyCheck.INDICATOR;
    }

    /** An attachment downloaded and read, or why not. */
    private record Outcome(CheckedLink link, AttachmentText.Result result, Download download) {
    }

    /** What was downloaded: for the evidence, never the bytes themselves. */
    private record Download(String url, String finalUrl, String sourceUrl, String text, String contentType,
                            long bytes, String sha256, String problem) {
    }

    @Override
    public List<Finding> run(SiteContext context) throws InterruptedException {
        List<CheckedLink> readable = new ArrayList<>();
        int otherFormats = 0;
        for (CheckedLink link : context.facts().all(Facts.ATTACHMENTS)) {
            if (link.broken() || link.status().skipped()) {
                continue; // a broken attachment is the link check's finding
            }
            if (rules.extensions().contains(extension(link.url()))) {
                readable.add(link);
            } else {
                otherFormats++;
            }
        }
        if (readable.isEmpty()) {
            return List.of();
        }
        readable.sort(Comparator.comparingInt(CheckedLink::sourceDepth).thenComparing(CheckedLink::url));
        List<CheckedLink> chosen = readable.subList(0, Math.min(readable.size(), rules.maxFiles()));
        List<Finding> findings = new ArrayList<>();
        Map<AttachmentText.Format, Integer> read = new EnumMap<>(AttachmentText.Format.class);
        int unreadable = 0;
        int notReached = readable.size() - chosen.size();
        AttachmentFetcher fetcher = new AttachmentFetcher(context.http(), rules.maxFileBytes(), rules.download());
        long deadline = System.nanoTime() + rules.siteTime().toNanos();
        AtomicLong spent = new AtomicLong();
        ExecutorService downloads = Executors.newFixedThreadPool(rules.threads(), daemon("attachment"));
        // a thread per reading: one that timed out may not stop (the parsers do not look at interrupts), and the
        // next reading must not queue behind it; the size bounds keep such a straggler short
        ExecutorService readers = Executors.newCachedThreadPool(daemon("attachment-text"));
        try {
            // a window of threads-many attachments in flight, consumed in order, so the texts held stay few
            ArrayDeque<Future<Optional<Outcome>>> window = new ArrayDeque<>();
            int next = 0;
            while (next < chosen.size() || !window.isEmpty()) {
                while (next < chosen.size() && window.size() < rules.threads()) {
                    CheckedLink link = chosen.get(next++);
                    window.add(downloads.submit(() -> fetchAndRead(link, fetcher, readers, spent, deadline)));
                }
                Optional<Outcome> o = await(window.poll());
                if (o.isEmpty()) {
                    notReached++;
                    continue;
                }
                Outcome outcome = o.get();
                if (outcome.result() instanceof AttachmentText.Read text) {
                    read.merge(text.format(), 1, Integer::sum);
                    findings.addAll(scan(outcome, text, context));
                } else if (outcome.result() instanceof AttachmentText.Unreadable u) {
                    unreadable++;
                    findings.add(unreadable(outcome, u, context));
                }
            }
        } finally {
            downloads.shutdownNow();
            readers.shutdownNow();
        }
        findings.add(summary(context.site().url(), read, unreadable, notReached, otherFormats));
        return findings;
    }

    private Optional<Outcome> fetchAndRead(CheckedLink link, AttachmentFetcher fetcher, ExecutorService readers,
                                           AtomicLong spent, long deadline) throws InterruptedException {
        if (System.nanoTime() > deadline || spent.get() >= rules.maxSiteBytes()) {
            return Optional.empty();
        }
        AttachmentFetcher.Download d = fetcher.fetch(link.url());
        if (d instanceof AttachmentFetcher.Failed f) {
            return Optional.of(problem(link, "下载失败：" + f.reason()));
        }
        if (d instanceof AttachmentFetcher.TooLarge t) {
            return Optional.of(problem(link, "超过 " + megabytes(t.maxBytes()) + "，未下载读取"));
        }
        AttachmentFetcher.Downloaded got = (AttachmentFetcher.Downloaded) d;
        spent.addAndGet(got.body().length);
        Download download = new Download(link.url(), got.finalUrl(), link.sourceUrl(), link.text(), got.contentType(),
                got.body().length, sha256(got.body()), null);
        Future<AttachmentText.Result> reading = readers.submit(() -> reader.read(got.body()));
        AttachmentText.Result result;
        try {
            result = reading.get(rules.extract().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            result = new AttachmentText.Unreadable(AttachmentText.sniff(got.body()),
                    "读取超时（超过 " + rules.extract().toSeconds() + " 秒）");
        } catch (ExecutionException e) {
            result = new AttachmentText.Unreadable(AttachmentText.sniff(got.body()), "读取出错：" + e.getCause());
        }
        return Optional.of(new Outcome(link, result, download));
    }

    private static Outcome problem(CheckedLink link, String reason) {
        return new Outcome(link, new AttachmentText.Unreadable(AttachmentText.Format.OTHER, reason),
                new Download(link.url(), link.url(), link.sourceUrl(), link.text(), null, 0, null, reason));
    }

    private static <T> T await(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private List<Finding> scan(Outcome outcome, AttachmentText.Read read, SiteContext context) {
        String url = outcome.link().url();
        String text = PageText.normalise(read.text());
        String name = name(outcome.link());
        String where = outcome.link().sourceUrl().isEmpty() ? "" : "（位于 " + outcome.link().sourceUrl() + "）";
        List<Finding> findings = new ArrayList<>();
        Evidence meta = null;
        LocalDate today = LocalDate.now(context.clock().withZone(ShanghaiTime.ZONE));
        List<PersonalData> found = scanner.scan(text, today);
        if (!found.isEmpty()) {
            meta = context.evidence().json("http", "attachment", outcome.download(), url);
            for (Finding f : PrivacyCheck.findings(found, text, url, "附件“" + name + "”", where,
                    "attachment-privacy-", sentenceChars, context.evidence())) {
                findings.add(f.withEvidence(List.of(meta)));
            }
        }
        List<String> allowed = allow.phrasesFor(context.site().siteCode());
        List<WordingHit> hits = matcher.scan(text, Optional.empty(), allowed);
        if (hits.stream().anyMatch(h -> h.rule().changedOn().isPresent()) && !outcome.link().sourceUrl().isEmpty()) {
            // an attachment is as old as the page that links it; only a changed name needs that page
            Optional<LocalDate> published = context.pages().fetch(outcome.link().sourceUrl())
                    .flatMap(p -> publishDate.of(p.url(), p.html()));
            if (published.isPresent()) {
                hits = matcher.scan(text, published, allowed);
            }
        }
        for (WordingHit hit : hits) {
            if (meta == null) {
                meta = context.evidence().json("http", "attachment", outcome.download(), url);
            }
            WordingRule rule = hit.rule();
            String snippet = "<!doctype html><meta charset=\"utf-8\"><p>" + Entities.escape(hit.sentence()) + "</p>\n";
            Evidence sentence = context.evidence().html("attachment-wording", snippet, url);
            findings.add(Finding.about(rule.indicator(), rule.kind().findingKind(),
                    rule.serious() ? Severity.VETO : Severity.DEDUCT, url, hit.phrase(),
                    "附件“" + name + "”" + WordingCheck.message(hit) + where, List.of(sentence, meta)));
        }
        return findings;
    }

    private Finding unreadable(Outcome outcome, AttachmentText.Unreadable u, SiteContext context) {
        CheckedLink link = outcome.link();
        Download d = outcome.download().problem() == null ? withProblem(outcome.download(), u.reason())
                : outcome.download();
        Evidence meta = context.evidence().json("http", "attachment-unreadable", d, link.url());
        String where = link.sourceUrl().isEmpty() ? "" : "，位于 " + link.sourceUrl();
        return Finding.about(PrivacyCheck.INDICATOR, "attachment.unreadable", Severity.INFO, link.url(), link.url(),
                "附件无法读取，未检查其中的个人信息和文字：“" + name(link) + "” → " + link.url() + "（" + u.reason() + "）"
                        + where, List.of(meta));
    }

    private static Download withProblem(Download d, String problem) {
        return new Download(d.url(), d.finalUrl(), d.sourceUrl(), d.text(), d.contentType(), d.bytes(), d.sha256(),
                problem);
    }

    private Finding summary(String siteUrl, Map<AttachmentText.Format, Integer> read, int unreadable, int notReached,
                            int otherFormats) {
        int total = read.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder m = new StringBuilder("读取附件 ").append(total).append(" 个");
        if (!read.isEmpty()) {
            List<String> parts = new ArrayList<>();
            read.forEach((format, n) -> parts.add(format.label() + " " + n + " 个"));
            m.append("（").append(String.join("、", parts)).append("）");
        }
        m.append("，检查其中的个人信息和文字");
        if (unreadable > 0) {
            m.append("；").append(unreadable).append(" 个无法下载或读取");
        }
        if (notReached > 0) {
            m.append("；另有 ").append(notReached).append(" 个超出检查上限（每站最多 ").append(rules.maxFiles())
                    .append(" 个、共 ").append(megabytes(rules.maxSiteBytes())).append("、")
                    .append(rules.siteTime().toMinutes()).append(" 分钟）未检查");
        }
        if (otherFormats > 0) {
            m.append("；").append(otherFormats).append(" 个为其他格式（如 ZIP、OFD、PPT），未检查");
        }
        return new Finding(PrivacyCheck.INDICATOR, "attachment.summary", Severity.INFO, siteUrl, m.toString(),
                List.of());
    }

    /** The link text a reader knows the attachment by, else its file name. */
    static String name(CheckedLink link) {
        String text = link.text() == null ? "" : link.text().strip();
        if (!text.isEmpty()) {
            return text;
        }
        String path = URI.create(link.url()).getRawPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    static String extension(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (path == null) {
            return "";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

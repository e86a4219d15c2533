package cn.xunjian.evidence;

import cn.xunjian.model.Evidence;

import cn.xunjian.internal.AgentVersion;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the evidence and report files of one run under its directory, hashing each as it is written, and
 * remembers each file's hash and size for manifest.json. Evidence file names are deterministic:
 * {@code <site>/<NN>-<name>.<ext>} with a per-site counter. Thread-safe.
 */
public final class EvidenceStore {
    public static final String MANIFEST = "manifest.json";

    private final Path runDir;
    private final Clock clock;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final ArchiveLimits archiveLimits;

    public EvidenceStore(Path runDir, Clock clock) {
        this(runDir, clock, ArchiveLimits.standard());
    }

    public EvidenceStore(Path runDir, Clock clock, ArchiveLimits archiveLimits) {
        this.runDir = runDir;
        this.clock = clock;
        this.archiveLimits = archiveLimits;
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + runDir, e);
        }
    }

    public Path runDir() {
        return runDir;
    }

    /** Saves one evidence file and returns its reference for a finding. */
    public Evidence save(String site, String name, String ext, byte[] data, String type, String url) {
        String rel;
        synchronized (this) {
            int n = counters.merge(site, 1, Integer::sum);
            rel = site + "/" + String.format(Locale.ROOT, "%03d", n) + "-" + safe(name) + "." + ext;
        }
        try {
            ManifestEntry entry = write(rel, out -> out.write(data), type, url == null ? "" : url);
            return new Evidence(type, rel, entry.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence " + runDir.resolve(rel), e);
        }
    }

    /**
     * Writes one report file (report.json, report.html…) into the run directory, hashing it as it is written, and
     * lists it in the manifest.
     *
     * @param rel the file's path relative to the run directory
     */
    public Path writeReport(String rel, FileContent content) throws IOException {
        write(rel, content, "report", "");
        return runDir.resolve(rel);
    }

    /** The site's working folder for files that are not evidence themselves; {@link #archive} empties it. */
    Path workDir(String site) throws IOException {
        return Files.createDirectories(runDir.resolve(site).resolve(".archive"));
    }

    /**
     * Makes the web archive of one site, {@code <site>/archive.wacz}, from the HTTP archive its browser session
     * recorded, lists it in the manifest and returns it. The WARC is built in a working folder beside it and removed
     * once packaged; the HAR is removed too, what it held is in the archive.
     *
     * @param har the zipped HAR Chromium wrote when the session closed
     * @param rendered the pages the session opened, in order: they become pages.jsonl
     * @param title the collection's title (the site's name)
     */
    public WebArchive archive(String site, Path har, List<WebArchive.Rendered> rendered, String title)
            throws IOException {
        String rel = site + "/archive.wacz";
        Path work = workDir(site);
        Path warc = work.resolve(WaczWriter.WARC_NAME);
        try {
            String software = "Xunjian " + AgentVersion.get();
            List<HarToWarc.Capture> captures = new HarToWarc(archiveLimits).convert(har, warc, software,
                    clock.instant());
            List<WebArchive.Page> pages = new ArrayList<>();
            List<WaczWriter.Page> lines = new ArrayList<>();
            for (WebArchive.Rendered r : rendered) {
                if (pages.stream().anyMatch(p -> p.url().equals(r.url()))) {
                    continue;
                }
                captures.stream().filter(c -> c.url().equals(r.url()) && (c.status() < 300 || c.status() >= 400))
                        .findFirst().ifPresent(c -> {
                            pages.add(new WebArchive.Page(r.requested(), r.url(), c.date()));
                            lines.add(new WaczWriter.Page(Sha256.of((c.date() + " " + c.url())
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32),
                                    c.url(), c.date(), r.title()));
                        });
            }
            String first = pages.isEmpty() ? "" : pages.get(0).url();
            ManifestEntry entry;
            try {
                entry = write(rel, out -> new WaczWriter().write(warc, lines, title, software, clock.instant(), out),
                        WebArchive.TYPE, first);
            } catch (IOException e) {
                // half an archive is listed nowhere and would only mislead
                Files.deleteIfExists(runDir.resolve(rel));
                throw e;
            }
            return new WebArchive(rel, entry.sha256(), pages);
        } finally {
            Files.deleteIfExists(warc);
            Files.deleteIfExists(har);
            try (var left = Files.list(work)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(work);
                }
            }
        }
    }

    /** Writes a record of the run (the capture environment) that is evidence, not a report: type {@code type}. */
    public Path writeRecord(String rel, String type, FileContent content) throws IOException {
        write(rel, content, type, "");
        return runDir.resolve(rel);
    }

    private ManifestEntry write(String rel, FileContent content, String type, String url) throws IOException {
        Path file = runDir.resolve(rel);
        Files.createDirectories(file.getParent());
        HashingOutputStream hashing;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            hashing = new HashingOutputStream(out);
            content.writeTo(hashing);
            hashing.flush();
        }
        ManifestEntry entry = new ManifestEntry(rel, hashing.sha256(), hashing.size(), type, url,
                ShanghaiTime.iso(clock));
        synchronized (this) {
            entries.add(entry);
        }
        return entry;
    }

    /** Writes manifest.json with every file recorded so far, sorted by path, unsealed. */
    public synchronized Path writeManifest() {
        return writeManifest(MANIFEST, null);
    }

    /**
     * Writes a manifest with every file recorded so far, sorted by path, naming the files that will seal it.
     *
     * @param rel  its path relative to the run directory
     * @param seal the seal it will get, or null
     */
    public synchronized Path writeManifest(String rel, ManifestSeal seal) {
        List<ManifestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ManifestEntry::path));
        Manifest manifest = new Manifest("xunjian", AgentVersion.get(), ShanghaiTime.iso(clock), sorted, seal);
        Path file = runDir.resolve(rel);
        try {
            Json.mapper().writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * Lists a file that something else wrote into the run directory (a seal, a signature, a certificate), hashed as
     * it is now, so that the next manifest covers it.
     */
    public void adopt(String rel, String type) throws IOException {
        Path file = runDir.resolve(rel);
        ManifestEntry entry = new ManifestEntry(rel, Sha256.of(file), Files.size(file), type, "",
                ShanghaiTime.iso(clock));
        synchronized (this) {
            entries.add(entry);
        }
    }

    /** The files recorded so far, in the order they were written. */
    public synchronized List<ManifestEntry> entries() {
        return List.copyOf(entries);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^\\p{IsHan}A-Za-z0-9._-]+", "-");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

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

    public EvidenceStore(Path runDir, Clock clock) {
        this.runDir = runDir;
        this.clock = clock;
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

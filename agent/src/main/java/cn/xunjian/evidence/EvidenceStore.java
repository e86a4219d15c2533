package cn.xunjian.evidence;

import cn.xunjian.model.Evidence;

import cn.xunjian.internal.AgentVersion;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.ShanghaiTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes evidence files of one run under its directory and remembers each file's hash for manifest.json.
 * File names are deterministic: {@code <site>/<NN>-<name>.<ext>} with a per-site counter. Thread-safe.
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
    public synchronized Evidence save(String site, String name, String ext, byte[] data, String type, String url) {
        int n = counters.merge(site, 1, Integer::sum);
        String rel = site + "/" + String.format(java.util.Locale.ROOT, "%03d", n) + "-" + safe(name) + "." + ext;
        Path file = runDir.resolve(rel);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence " + file, e);
        }
        String sha = Sha256.of(data);
        entries.add(new ManifestEntry(rel, sha, data.length, type, url == null ? "" : url, ShanghaiTime.iso(clock)));
        return new Evidence(type, rel, sha);
    }

    /** Records a report file written by someone else into the run directory. */
    public synchronized void recordReport(String rel) {
        Path file = runDir.resolve(rel);
        try {
            entries.add(new ManifestEntry(rel, Sha256.of(file), Files.size(file), "report", "", ShanghaiTime.iso(clock)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    /** Writes manifest.json with every file recorded so far, sorted by path. */
    public synchronized Path writeManifest() {
        List<ManifestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ManifestEntry::path));
        Manifest manifest = new Manifest("xunjian", AgentVersion.get(), ShanghaiTime.iso(clock), sorted);
        Path file = runDir.resolve(MANIFEST);
        try {
            Json.mapper().writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^\\p{IsHan}A-Za-z0-9._-]+", "-");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

package cn.xunjian.evidence;

import java.util.List;

/**
 * The integrity record of one run: every evidence and report file with its hash, and which seal files its signature
 * and timestamp are in.
 *
 * @param seal the files that seal this manifest, or null for a run without a signing key (and older runs)
 */
public record Manifest(String agent, String agentVersion, String createdAt, List<ManifestEntry> files,
                       ManifestSeal seal) {
    public Manifest {
        files = List.copyOf(files);
    }

    public Manifest(String agent, String agentVersion, String createdAt, List<ManifestEntry> files) {
        this(agent, agentVersion, createdAt, files, null);
    }
}

package cn.xunjian.evidence;

import java.util.List;

/** The integrity record of one run: every evidence and report file with its hash. */
public record Manifest(String agent, String agentVersion, String createdAt, List<ManifestEntry> files) {
    public Manifest {
        files = List.copyOf(files);
    }
}

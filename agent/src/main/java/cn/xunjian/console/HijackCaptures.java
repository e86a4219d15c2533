package cn.xunjian.console;

import cn.xunjian.darklink.HijackCheck;
import cn.xunjian.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two captures of a hijack (cloaking) finding: the page as a normal visitor saw it and as the search engine's
 * spider (or a visitor from a search results page) did, each with the page source of that visit. The label of the
 * second is the visitor profile written in the finding's comparison record ({@code profile}).
 */
final class HijackCaptures {
    static final String NORMAL = "普通访问";

    private HijackCaptures() {
    }

    /** The captures, or an empty list for a finding that has not both. */
    static List<Views.Capture> of(List<Views.EvidenceRow> evidence, Path runDir) {
        Optional<Views.EvidenceRow> normal = find(evidence, HijackCheck.CAPTURE_NORMAL + ".");
        Optional<Views.EvidenceRow> variant = find(evidence, HijackCheck.CAPTURE_VARIANT + ".");
        if (normal.isEmpty() || variant.isEmpty()) {
            return List.of();
        }
        List<Views.Capture> out = new ArrayList<>();
        out.add(new Views.Capture(NORMAL, normal.get(), source(evidence, "-normal.html")));
        out.add(new Views.Capture(label(evidence, runDir), variant.get(), source(evidence, "-variant.html")));
        return out;
    }

    private static Optional<Views.EvidenceRow> find(List<Views.EvidenceRow> evidence, String marker) {
        return evidence.stream().filter(e -> e.path().contains(marker)).findFirst();
    }

    private static Views.EvidenceRow source(List<Views.EvidenceRow> evidence, String suffix) {
        return evidence.stream().filter(e -> e.path().endsWith(suffix)).findFirst().orElse(null);
    }

    /** The other visitor's profile from the comparison record; a generic label when it cannot be read. */
    private static String label(List<Views.EvidenceRow> evidence, Path runDir) {
        Optional<Views.EvidenceRow> record = find(evidence, "-comparison.");
        if (record.isPresent() && "完好".equals(record.get().state())) {
            try {
                JsonNode node = Json.mapper().readTree(Files.readString(runDir.resolve(record.get().path()),
                        java.nio.charset.StandardCharsets.UTF_8));
                String profile = node.path("profile").asText("");
                if (!profile.isBlank()) {
                    return profile;
                }
            } catch (IOException e) {
                // the generic label below; the evidence table says whether the file is intact
            }
        }
        return "对比访问";
    }
}

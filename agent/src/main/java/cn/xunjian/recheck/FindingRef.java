package cn.xunjian.recheck;

import cn.xunjian.internal.Json;
import cn.xunjian.model.Severity;
import cn.xunjian.site.SiteFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The finding a re-check is about, as the original run's report.json gives it.
 *
 * @param id its stable id ({@code cn.xunjian.model.FindingIds}): what the re-check looks for
 * @param indicator its indicator
 * @param kind its kind: which check is run again ({@code cn.xunjian.audit.CheckKinds})
 * @param severity its severity in the original run
 * @param url the page (or link) it is about: the page that check runs on
 * @param message its sentence in the original run
 * @param foundOn for a link, the page the original run found it on (from the link's evidence); else empty
 */
public record FindingRef(String id, String indicator, String kind, Severity severity, String url, String message,
                         String foundOn) {
    /** What {@code FindingIds} gives: 16 hex digits, {@code -n} for the n-th repeat on a site. */
    static final Pattern ID = Pattern.compile("[0-9a-f]{16}(-[0-9]+)?");

    public FindingRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!ID.matcher(id).matches()) { // it names the re-check's directory
            throw new IllegalArgumentException("not a finding id: " + id);
        }
        url = url == null ? "" : url;
        message = message == null ? "" : message;
        foundOn = foundOn == null ? "" : foundOn;
    }

    /**
     * The finding {@code id} of {@code site} in {@code runDir/report.json}; the site is the one with the site file's
     * URL.
     *
     * @throws RecheckInputException when the run has no readable report.json, the site is not in it or the finding
     *     is not among the site's findings
     */
    public static FindingRef fromRun(Path runDir, SiteFile site, String id) throws RecheckInputException {
        if (!ID.matcher(id).matches()) {
            throw new RecheckInputException("问题编号“" + id + "”格式不对：应为 report.json 中 findings 的 id（16 位十六进制）");
        }
        Path report = runDir.resolve("report.json");
        if (!Files.isRegularFile(report)) {
            throw new RecheckInputException("目录 " + runDir + " 中没有 report.json");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new RecheckInputException(report + " 无法读取：" + e.getMessage());
        }
        for (JsonNode s : root.path("sites")) {
            if (!s.path("url").asText().equals(site.url())) {
                continue;
            }
            for (JsonNode f : s.path("findings")) {
                if (f.path("id").asText().equals(id)) {
                    return new FindingRef(id, f.path("indicator").asText(), f.path("kind").asText(),
                            Severity.valueOf(f.path("severity").asText("info").toUpperCase(Locale.ROOT)),
                            f.path("url").asText(), f.path("message").asText(), foundOn(runDir, f));
                }
            }
            throw new RecheckInputException(report + "：站点 " + site.url() + " 的 findings 中没有 id 为 " + id
                    + " 的问题");
        }
        throw new RecheckInputException(report + "：sites 中没有网址为 " + site.url() + " 的站点（字段 url）");
    }

    /** The {@code sourceUrl} of the first HTTP evidence record of the finding that has one, inside the run. */
    private static String foundOn(Path runDir, JsonNode finding) {
        for (JsonNode e : finding.path("evidence")) {
            Path file = runDir.resolve(e.path("path").asText()).normalize();
            if (!e.path("type").asText().equals("http") || !file.startsWith(runDir.normalize())
                    || !file.toString().endsWith(".json") || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                String source = Json.mapper().readTree(file.toFile()).path("sourceUrl").asText("");
                if (!source.isEmpty()) {
                    return source;
                }
            } catch (IOException ignored) {
                // an unreadable record only means the page is not known; the re-check then says so
            }
        }
        return "";
    }
}

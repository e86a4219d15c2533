package cn.xunjian.scenario;

import cn.xunjian.internal.Json;
import cn.xunjian.site.SiteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks, before any browser starts, that every scenario a site file lists exists and is valid, and pins each to
 * its absolute path so that the audit finds it whatever the working folder. The CLI turns a
 * {@link ScenarioFileException} into exit code 2.
 */
public final class ScenarioPreflight {
    private final ScenarioLoader loader;

    public ScenarioPreflight() {
        this(new ScenarioLoader());
    }

    public ScenarioPreflight(ScenarioLoader loader) {
        this.loader = loader;
    }

    /**
     * @param siteFile the file {@code site} was read from
     * @return {@code site} with absolute scenario paths
     * @throws ScenarioFileException naming the scenario file (or the site file, for a missing one), line and step
     */
    public SiteFile check(SiteFile site, Path siteFile) {
        if (site.scenarios().isEmpty()) {
            return site;
        }
        ScenarioPaths paths = ScenarioPaths.standard(siteFile.toAbsolutePath().getParent());
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < site.scenarios().size(); i++) {
            String ref = site.scenarios().get(i);
            int index = i;
            Path file = paths.resolve(ref).orElseThrow(() -> new ScenarioFileException(siteFile,
                    lineOf(siteFile, index), String.format(Locale.ROOT, "字段 \"scenarios[%d]\"", index),
                    "找不到场景文件 \"" + ref + "\"（查找位置：" + paths.bases().stream().map(Path::toString)
                            .collect(Collectors.joining("、")) + "）"));
            loader.load(file);
            resolved.add(file.toString());
        }
        return new SiteFile(site.name(), site.siteCode(), site.url(), site.kind(), site.consultation(),
                site.webviews(), site.newMedia(), resolved, site.userAgent(), site.maxPages());
    }

    private static int lineOf(Path siteFile, int index) {
        try {
            String text = Files.readString(siteFile, StandardCharsets.UTF_8);
            return JsonLines.of(Json.mapper(), text).line("scenarios[" + index + "]");
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

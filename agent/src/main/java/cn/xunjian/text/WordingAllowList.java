package cn.xunjian.text;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.RuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phrases a site may use although a wording rule fires inside them (local place names, proper nouns), read from
 * a {@code wording-allow.json} file: {@code {"sites": {"<siteCode>": ["phrase", …], "*": [… for every site]}}}.
 */
public record WordingAllowList(Map<String, List<String>> sites) {
    /** Key whose phrases apply to every site. */
    public static final String EVERY_SITE = "*";

    public WordingAllowList {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
    }

    public static WordingAllowList empty() {
        return new WordingAllowList(Map.of());
    }

    /** The bundled list (empty). */
    public static WordingAllowList standard() {
        return RuleFiles.load(WordingAllowList.class, "wording-allow.json", WordingAllowList.class);
    }

    /** Reads an allow-list file; a malformed file fails with the file named. */
    public static WordingAllowList read(Path file) {
        try {
            return Json.mapper().readValue(Files.readAllBytes(file), WordingAllowList.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read allow list " + file + ": " + e.getMessage(), e);
        }
    }

    /** The phrases allowed on the site with this code (those for every site included). */
    public List<String> phrasesFor(String siteCode) {
        List<String> all = new ArrayList<>(sites.getOrDefault(EVERY_SITE, List.of()));
        if (siteCode != null) {
            all.addAll(sites.getOrDefault(siteCode, List.of()));
        }
        return all;
    }
}

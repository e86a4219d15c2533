package cn.xunjian.site;

import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and validates site files; every problem becomes a {@link SiteFileException} naming file, field and line. */
public final class SiteFileLoader {
    private static final Set<String> KINDS = Set.of("portal", "department", "township", "special");
    /** Above this a site file's {@code maxPages} is a typing error rather than a site. */
    private static final int MAX_PAGES = 1_000_000;
    private final ObjectMapper mapper = Json.mapper();

    public SiteFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SiteFileException(file, "(文件)", 0, "文件不存在");
        } catch (IOException e) {
            throw new SiteFileException(file, "(文件)", 0, "无法读取：" + e.getMessage());
        }
        return parse(text, new Source(file, null));
    }

    /**
     * Reads a site from its JSON text, validated exactly as a site file is, with the same messages; the messages
     * name {@code displayName} where they would name the file (the web console's sites are not files).
     */
    public SiteFile parse(String text, String displayName) {
        return parse(text, new Source(null, displayName));
    }

    /** Where a site's text came from: a file, or a text named for the messages. */
    private record Source(Path file, String name) {
        SiteFileException problem(String field, int line, String problem) {
            return file != null ? new SiteFileException(file, field, line, problem)
                    : new SiteFileException(name, field, line, problem);
        }
    }

    private SiteFile parse(String text, Source file) {
        Map<String, Integer> lines = fieldLines(file, text);
        SiteFile site;
        try {
            site = mapper.readValue(text, SiteFile.class);
        } catch (JsonProcessingException e) {
            JsonFieldLines.Problem p = JsonFieldLines.problem(e, lines);
            throw file.problem(p.field(), p.line(), p.message());
        }
        if (site == null) {
            throw file.problem("(JSON)", 1, "文件为空");
        }
        validate(file, site, lines);
        return site;
    }

    private void validate(Source file, SiteFile site, Map<String, Integer> lines) {
        int objectLine = lines.getOrDefault("", 1);
        if (site.name() == null || site.name().isBlank()) {
            throw file.problem("name", lines.getOrDefault("name", objectLine), "必填，不能为空");
        }
        if (site.url() == null) {
            throw file.problem("url", objectLine, "必填，缺少网站首页地址");
        }
        requireHttpUrl(file, "url", site.url(), lines);
        if (site.siteCode() != null && !site.siteCode().matches("[0-9]{10}|bm[0-9]{8}")) {
            throw file.problem("siteCode", lines.getOrDefault("siteCode", objectLine),
                    "网站标识码应为10位数字或 bm 加8位数字，实际为 \"" + site.siteCode() + "\"");
        }
        if (!KINDS.contains(site.kind())) {
            throw file.problem("kind", lines.getOrDefault("kind", objectLine),
                    "取值应为 " + String.join(" / ", KINDS.stream().sorted().toList()));
        }
        if (site.consultation() != null && site.consultation().url() != null) {
            requireHttpUrl(file, "consultation.url", site.consultation().url(), lines);
        }
        if (site.userAgent() != null && !site.userAgent().matches("[\\x20-\\x7e]*[\\x21-\\x7e][\\x20-\\x7e]*")) {
            throw file.problem("userAgent", lines.getOrDefault("userAgent", objectLine),
                    "应为非空的可打印 ASCII 字符（HTTP 请求头不能含中文），实际为 \"" + site.userAgent() + "\"");
        }
        if (site.maxPages() != null && (site.maxPages() < 1 || site.maxPages() > MAX_PAGES)) {
            throw file.problem("maxPages", lines.getOrDefault("maxPages", objectLine),
                    "应为 1 到 " + MAX_PAGES + " 之间的整数，实际为 " + site.maxPages());
        }
        for (int i = 0; i < site.webviews().size(); i++) {
            requireHttpUrl(file, "webviews[" + i + "].url", site.webviews().get(i).url(), lines);
        }
        for (int i = 0; i < site.newMedia().size(); i++) {
            requireHttpUrl(file, "newMedia[" + i + "].url", site.newMedia().get(i).url(), lines);
        }
    }

    private static void requireHttpUrl(Source file, String field, String value, Map<String, Integer> lines) {
        int line = lines.getOrDefault(field, lines.getOrDefault("", 1));
        if (value == null) {
            throw file.problem(field, line, "必填");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw file.problem(field, line, "应为 http:// 或 https:// 开头的网址，实际为 \"" + value + "\"");
            }
        } catch (URISyntaxException e) {
            throw file.problem(field, line, "网址格式错误：" + e.getReason());
        }
    }

    /** Maps each field path (e.g. {@code webviews[0].url}) to the line it is written on. */
    private Map<String, Integer> fieldLines(Source file, String text) {
        try {
            return JsonFieldLines.of(mapper, text);
        } catch (JsonProcessingException e) {
            throw file.problem("(JSON)", line(e.getLocation()), "JSON 格式错误：" + e.getOriginalMessage());
        } catch (IOException e) {
            throw file.problem("(文件)", 0, "无法读取：" + e.getMessage());
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }
}

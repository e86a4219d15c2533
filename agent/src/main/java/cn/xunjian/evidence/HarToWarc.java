package cn.xunjian.evidence;

import cn.xunjian.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Turns the HTTP archive Chromium recorded for one site (Playwright's zipped HAR: {@code har.har} and one entry per
 * response body) into a gzipped WARC 1.1 file with jwarc: a warcinfo record naming the software, then for each
 * exchange a response record and a request record concurrent to it (the order pywb and browsertrix-crawler write).
 * Bodies are copied entry by entry from the HAR's zip to the WARC, never held whole in memory.
 */
final class HarToWarc {
    /** What one response record holds: where it points and when it was captured. */
    record Capture(String url, Instant date, int status, String mime) {
    }

    /** The HAR stores bodies decoded; these would describe the encoded transfer, so a replay would misread them. */
    private static final Set<String> TRANSFER_HEADERS = Set.of("content-length", "content-encoding",
            "transfer-encoding");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    private final ArchiveLimits limits;

    HarToWarc(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * Writes {@code warc} from {@code har}; returns the response records written, in order.
     *
     * @param software what made the archive, for the warcinfo record (e.g. {@code Xunjian 0.1.0})
     */
    List<Capture> convert(Path har, Path warc, String software, Instant created) throws IOException {
        List<Capture> captures = new ArrayList<>();
        try (ZipFile zip = new ZipFile(har.toFile(), StandardCharsets.UTF_8);
             FileChannel out = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(out, WarcCompression.GZIP)) {
            JsonNode log = readLog(zip);
            String browser = log.path("browser").path("name").asText("") + " "
                    + log.path("browser").path("version").asText("");
            writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(created)
                    .filename(WaczWriter.WARC_NAME)
                    .fields(Map.of("software", List.of(software + " (jwarc; " + browser.strip() + ")"),
                            "format", List.of("WARC File Format 1.1"),
                            "conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")))
                    .build());
            long budget = limits.maxArchiveBytes();
            for (JsonNode entry : log.path("entries")) {
                Capture capture = write(zip, entry, writer, budget);
                if (capture != null) {
                    captures.add(capture);
                    budget -= Math.min(budget, bodySize(zip, entry));
                }
            }
        }
        return captures;
    }

    private static JsonNode readLog(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("har.har");
        if (entry == null) {
            throw new IOException("the browser's HTTP archive has no har.har");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Json.mapper().readTree(in).path("log");
        }
    }

    private Capture write(ZipFile zip, JsonNode entry, WarcWriter writer, long budget) throws IOException {
        JsonNode request = entry.path("request");
        JsonNode response = entry.path("response");
        String url = request.path("url").asText("");
        int status = response.path("status").asInt(0);
        // data: and blob: URLs were never on the wire; a status of 0 or -1 is a request that got no response
        if (!(url.startsWith("http://") || url.startsWith("https://")) || status <= 0) {
            return null;
        }
        Instant date;
        try {
            date = Instant.parse(entry.path("startedDateTime").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        ZipEntry body = bodyEntry(zip, entry);
        long size = body == null ? 0 : Math.max(0, body.getSize());
        long kept = Math.min(size, Math.min(limits.maxResourceBytes(), budget));

        HttpResponse.Builder http = new HttpResponse.Builder(status, response.path("statusText").asText(""));
        for (JsonNode h : response.path("headers")) {
            String name = h.path("name").asText();
            if (!name.startsWith(":") && !TRANSFER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                http.addHeader(name, h.path("value").asText(""));
            }
        }
        InputStream second = body == null ? InputStream.nullInputStream() : zip.getInputStream(body);
        HttpResponse httpResponse = http.body(null, Channels.newChannel(second), kept).build();
        byte[] header = httpResponse.serializeHeader();
        MessageDigest payload = Sha256.digest();
        MessageDigest block = Sha256.digest();
        block.update(header);
        if (body != null) {
            try (InputStream first = zip.getInputStream(body)) {
                digest(first, kept, payload, block);
            }
        }
        WarcResponse.Builder record = new WarcResponse.Builder(uri).version(MessageVersion.WARC_1_1).date(date)
                .body(httpResponse)
                .payloadDigest(new WarcDigest("sha256", hex(payload)))
                .blockDigest(new WarcDigest("sha256", hex(block)));
        if (kept < size) {
            record.truncated(WarcTruncationReason.LENGTH);
        }
        String ip = entry.path("serverIPAddress").asText("");
        if (!ip.isEmpty() && IP_LITERAL.matcher(ip).matches()) {
            // a literal: getByName parses it and never asks a resolver
            record.ipAddress(InetAddress.getByName(ip.replace("[", "").replace("]", "")));
        }
        WarcResponse warcResponse = record.build();
        try (second) {
            writer.write(warcResponse);
        }
        writer.write(request(uri, request, date, warcResponse));
        String mime = response.path("content").path("mimeType").asText("");
        return new Capture(url, date, status, mime);
    }

    /** The request as sent; Chromium's HAR lists HTTP/2 pseudo-headers and omits Host, which HTTP/1.1 requires. */
    private static WarcRequest request(URI uri, JsonNode request, Instant date, WarcResponse response)
            throws IOException {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        HttpRequest.Builder http = new HttpRequest.Builder(request.path("method").asText("GET"), target);
        boolean host = false;
        for (JsonNode h : request.path("headers")) {
            String name = h.path("name").asText();
            if (name.startsWith(":") || TRANSFER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            host |= name.equalsIgnoreCase("host");
            http.addHeader(name, h.path("value").asText(""));
        }
        if (!host) {
            http.setHeader("Host", uri.getRawAuthority());
        }
        JsonNode post = request.path("postData");
        if (post.has("text")) {
            byte[] bytes = post.path("text").asText("").getBytes(StandardCharsets.UTF_8);
            http.body(null, bytes);
        }
        return new WarcRequest.Builder(uri).version(MessageVersion.WARC_1_1).date(date).body(http.build())
                .concurrentTo(response.id()).build();
    }

    private static ZipEntry bodyEntry(ZipFile zip, JsonNode entry) {
        String file = entry.path("response").path("content").path("_file").asText("");
        return file.isEmpty() ? null : zip.getEntry(file);
    }

    private static long bodySize(ZipFile zip, JsonNode entry) {
        ZipEntry e = bodyEntry(zip, entry);
        return e == null ? 0 : Math.max(0, e.getSize());
    }

    private static void digest(InputStream in, long limit, MessageDigest... digests) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = limit;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("a response body in the browser's HTTP archive is shorter than its entry");
            }
            for (MessageDigest d : digests) {
                d.update(buf, 0, n);
            }
            left -= n;
        }
    }

    private static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }
}

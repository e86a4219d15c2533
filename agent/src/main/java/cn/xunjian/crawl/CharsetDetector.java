package cn.xunjian.crawl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML page: charset from the Content-Type header, then from a {@code <meta>} in the first bytes,
 * then by sniffing (valid UTF-8, else GB18030, which is a superset of GBK and GB2312).
 */
public final class CharsetDetector {
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CharsetDetector() {
    }

    public static String decode(byte[] body, String contentType) {
        return new String(body, detect(body, contentType));
    }

    /**
     * Decodes a stylesheet as CSS Syntax's "determine the fallback encoding" does, in short: the Content-Type's
     * charset, else a leading {@code @charset "…";}, else UTF-8 when the bytes are valid UTF-8, else GB18030
     * (pages of Chinese sites of the GBK era bring stylesheets in their encoding). A byte-order mark wins.
     */
    static String decodeStylesheet(byte[] body, String contentType) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        Optional<Charset> declared = fromHeader(contentType);
        if (declared.isPresent()) {
            return new String(body, widen(declared.get()));
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.startsWith("@charset \"")) {
            int end = head.indexOf("\";", 10);
            Optional<Charset> named = end < 0 ? Optional.empty() : named(head.substring(10, end));
            if (named.isPresent()) {
                return new String(body, widen(named.get()));
            }
        }
        return new String(body, isUtf8(body) ? StandardCharsets.UTF_8 : GB18030);
    }

    public static Charset detect(byte[] body, String contentType) {
        Optional<Charset> declared = fromHeader(contentType);
        if (declared.isPresent()) {
            return widen(declared.get());
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        if (m.find()) {
            Optional<Charset> meta = named(m.group(1));
            if (meta.isPresent()) {
                return widen(meta.get());
            }
        }
        return isUtf8(body) ? StandardCharsets.UTF_8 : GB18030;
    }

    static Optional<Charset> fromHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(contentType);
        return m.find() ? named(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> named(String name) {
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Pages labelled GBK or GB2312 routinely contain GB18030-only characters; decode with the superset. */
    private static Charset widen(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.equals("GBK") || n.equals("GB2312") || n.equals("X-GBK") || n.equals("EUC-CN") ? GB18030 : cs;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package cn.xunjian.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the files shipped in the jar beside the classes that use them: rule and data files (JSON, bound with the
 * shared {@link Json} mapper) and page scripts or SQL (text). They are part of the build, so a missing or broken one
 * is a bug, reported as an {@link IllegalStateException} that names the resource as the class path has it
 * ({@code cn/xunjian/score/indicators.json}).
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    /**
     * Binds a JSON rule file to {@code type}.
     *
     * @param anchor the class the resource lies beside
     * @param resource the resource's name relative to {@code anchor}'s package, or absolute with a leading {@code /}
     */
    public static <T> T load(Class<?> anchor, String resource, Class<T> type) {
        byte[] json = bytes(anchor, resource);
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("resource " + name(anchor, resource) + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** A UTF-8 text resource (a page script, SQL). */
    public static String text(Class<?> anchor, String resource) {
        return new String(bytes(anchor, resource), StandardCharsets.UTF_8);
    }

    /** A resource's bytes. */
    public static byte[] bytes(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name(anchor, resource) + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("resource " + name(anchor, resource) + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** The resource's name on the class path, as {@link Class#getResourceAsStream} resolves it. */
    static String name(Class<?> anchor, String resource) {
        if (resource.startsWith("/")) {
            return resource.substring(1);
        }
        String pkg = anchor.getPackageName();
        return pkg.isEmpty() ? resource : pkg.replace('.', '/') + "/" + resource;
    }
}

package cn.xunjian.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Images shipped with the demo portal, reused by tests. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] demo(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/demo/portal/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

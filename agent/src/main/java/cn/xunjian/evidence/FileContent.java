package cn.xunjian.evidence;

import java.io.IOException;
import java.io.OutputStream;

/** What goes into one file of a run, written onto a stream that its writer hashes as the bytes pass. */
@FunctionalInterface
public interface FileContent {
    /** Writes the whole content; {@code out} may be left open, the caller closes it. */
    void writeTo(OutputStream out) throws IOException;
}

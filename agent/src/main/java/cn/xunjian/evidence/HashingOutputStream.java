package cn.xunjian.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes on and keeps their SHA-256 and count, so a file is hashed as it is written, not read back. */
final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = Sha256.digest();
    private long size;

    HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        size += len;
    }

    /** The hex digest of everything written; call once, after the last write. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    long size() {
        return size;
    }
}

package cn.xunjian.crawl;

/**
 * A compact set of URLs seen by one crawl: 64-bit hashes in an open-addressing table (8 bytes per URL instead
 * of the string). A false "already seen" needs a 64-bit collision, about 1 in 10^8 for a million URLs.
 */
final class UrlSet {
    private long[] table = new long[1 << 12];
    private int size;

    /** Adds the URL; false when it was already there. */
    boolean add(String url) {
        long h = hash(url);
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (insert(table, h)) {
            size++;
            return true;
        }
        return false;
    }

    boolean contains(String url) {
        long h = hash(url);
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                return false;
            }
            if (table[i] == h) {
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (t[i] == 0) {
                t[i] = h;
                return true;
            }
            if (t[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long h : table) {
            if (h != 0) {
                insert(bigger, h);
            }
        }
        table = bigger;
    }

    /**
     * FNV-1a over the UTF-16 code units (no byte copy of the URL), then a murmur3 finaliser for spread; 0 is
     * reserved for empty slots.
     */
    static long hash(String url) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = url.length(); i < n; i++) {
            char c = url.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            if (c > 0xff) {
                h ^= c >>> 8;
                h *= 0x100000001b3L;
            }
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

package cn.xunjian.net;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers of one hop, as a list for the JDK client and as header lines for the plain client. A purpose's
 * headers are built once per stack, so a crawl's requests share them, wire bytes included.
 */
final class RequestHeaders {
    private final List<Header> list;
    private volatile byte[] wire;

    RequestHeaders(List<Header> list) {
        this.list = List.copyOf(list);
    }

    List<Header> list() {
        return list;
    }

    /** Header lines, each {@code Name: value\r\n}. */
    byte[] wire() {
        byte[] w = wire;
        if (w == null) {
            StringBuilder sb = new StringBuilder(256);
            for (Header h : list) {
                sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            w = sb.toString().getBytes(StandardCharsets.UTF_8);
            wire = w;
        }
        return w;
    }

    /** These headers with {@code more} on top: one of the same name (in any case) replaces the one here. */
    RequestHeaders with(List<Header> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Header> out = new ArrayList<>(list.size() + more.size());
        out.addAll(list);
        for (Header h : more) {
            String name = h.name().toLowerCase(Locale.ROOT);
            boolean replaced = false;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().toLowerCase(Locale.ROOT).equals(name)) {
                    out.set(i, h);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                out.add(h);
            }
        }
        return new RequestHeaders(out);
    }
}

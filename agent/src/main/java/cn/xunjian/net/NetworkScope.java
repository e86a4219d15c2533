package cn.xunjian.net;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts the agent may contact. Tests and the demo run with {@link #LOOPBACK_ONLY} so that links to real
 * government hosts in fixture pages are never requested.
 */
public enum NetworkScope {
    ANY, LOOPBACK_ONLY;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public boolean allows(URI uri) {
        if (this == ANY) {
            return true;
        }
        String host = uri.getHost();
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    public boolean allows(String url) {
        try {
            return allows(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package cn.xunjian.net;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;

/** {@link ProxySettings} as the JDK client takes them: a proxy selector and the proxies' credentials. */
final class ProxyRouting {
    private ProxyRouting() {
    }

    static void configure(HttpClient.Builder b, ProxySettings proxies) {
        b.proxy(new Selector(proxies));
        if (credentials(proxies)) {
            b.authenticator(new Credentials(proxies));
        }
    }

    private static boolean credentials(ProxySettings proxies) {
        return proxies.http() != null && proxies.http().hasCredentials()
                || proxies.https() != null && proxies.https().hasCredentials();
    }

    private static final class Selector extends ProxySelector {
        private final ProxySettings proxies;

        Selector(ProxySettings proxies) {
            this.proxies = proxies;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return proxies.forUri(uri).map(p -> List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(p.host(), p.port())))).orElse(List.of(Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // the exchange fails with its own exception; there is no other proxy to fall back to
        }
    }

    private static final class Credentials extends Authenticator {
        private final ProxySettings proxies;

        Credentials(ProxySettings proxies) {
            this.proxies = proxies;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null; // never the sites' own authentication
            }
            for (ProxySettings.Proxy p : new ProxySettings.Proxy[] {proxies.http(), proxies.https()}) {
                if (p != null && p.hasCredentials() && p.port() == getRequestingPort()
                        && p.host().toLowerCase(Locale.ROOT).equals(host())) {
                    return new PasswordAuthentication(p.user(), p.password().toCharArray());
                }
            }
            return null;
        }

        private String host() {
            String h = getRequestingHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        }
    }
}

package cn.xunjian.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS certificate chain a host presents, as it presents it, for the capture environment of a run: a handshake
 * that accepts any chain, because the point is to record what the site showed (an expired or self-signed certificate
 * included), and then closes without sending a request. The scope is checked first, as for every other connection.
 */
public final class TlsChains {
    private TlsChains() {
    }

    /** The chain presented, or why there is none. */
    public record Presented(List<X509Certificate> chain, String problem) {
        public Presented {
            chain = List.copyOf(chain);
        }
    }

    public static Presented of(URI uri, NetworkScope scope, Duration timeout) {
        if (!scope.allows(uri)) {
            return new Presented(List.of(), OutOfScope.REASON);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new RecordingTrustManager()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                if (!HostResolver.isLiteral(uri.getHost())) {
                    SSLParameters params = socket.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(uri.getHost())));
                    socket.setSSLParameters(params);
                }
                socket.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : socket.getSession().getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        chain.add(x);
                    }
                }
                return new Presented(chain, null);
            }
        } catch (IOException e) {
            return new Presented(List.of(), Failures.describe(e));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    /** Trusts every chain: nothing is sent over this connection, it only shows what the host presents. */
    private static final class RecordingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package cn.xunjian.net;

/**
 * JDK networking properties the process must have before its first HTTP exchange.
 *
 * <p>The JDK client sends no Basic credentials on a {@code CONNECT} unless {@value #TUNNELING} allows it (its default
 * disables Basic, which is what government networks' proxies ask for), so every https page behind such a proxy would
 * end at 407. The JDK reads the property once, when its HTTP classes load, so it is set at start-up; a value the user
 * gave on the command line is kept. Credentials are only ever sent to the proxy they were configured for.
 */
public final class JdkNetProperties {
    static final String TUNNELING = "jdk.http.auth.tunneling.disabledSchemes";

    private JdkNetProperties() {
    }

    /** Allows Basic proxy authentication on tunnels unless the user decided otherwise. */
    public static void apply() {
        if (System.getProperty(TUNNELING) == null) {
            System.setProperty(TUNNELING, "");
        }
    }
}

package cn.xunjian.cli;

import cn.xunjian.net.ProxySettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies of a command that fetches: {@code HTTP_PROXY} / {@code HTTPS_PROXY} / {@code NO_PROXY} from the
 * environment, every URL through {@code --proxy} (or a schedule file's {@code proxy}) when given. Says which
 * proxy is used, its credentials masked.
 */
final class ProxyOption {
    private ProxyOption() {
    }

    /** Empty after a usage error has been printed to {@code err}. */
    static Optional<ProxySettings> resolve(String proxy, Map<String, String> env, PrintWriter err) {
        try {
            ProxySettings settings = ProxySettings.fromEnvironment(env);
            if (proxy != null) {
                settings = settings.withProxy(proxy, env);
            }
            if (!settings.isEmpty()) {
                err.println("通过代理访问：" + settings);
            }
            return Optional.of(settings);
        } catch (IllegalArgumentException e) {
            err.println("用法错误：" + e.getMessage());
            return Optional.empty();
        }
    }
}

package cn.xunjian.mobile;

import cn.xunjian.site.SiteFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web views to open: the site file's {@code webviews}, then the web pages that footer QR codes point to when
 * they lie on the audited site's host or are listed already. A QR code of a 公众号 profile on another host is not
 * a web view of the site and is left out.
 */
final class WebViewTargets {
    private static final Pattern URL = Pattern.compile("https?://[^\\s；;，,、“”\"'<>）)]+");

    private WebViewTargets() {
    }

    /** A view to open and the name it is reported under. */
    record Target(String name, String url) {
    }

    /**
     * @param site the site file
     * @param qrCodes the texts of the footer's QR codes; the web addresses in them are candidates
     */
    static List<Target> of(SiteFile site, List<String> qrCodes) {
        Map<String, Target> out = new LinkedHashMap<>();
        for (SiteFile.WebView v : site.webviews()) {
            out.putIfAbsent(normal(v.url()), new Target(v.name(), v.url()));
        }
        String host = origin(site.url());
        List<String> decoded = new ArrayList<>();
        for (String code : qrCodes) {
            Matcher m = URL.matcher(code);
            while (m.find()) {
                decoded.add(m.group());
            }
        }
        for (String url : decoded) {
            if (host != null && host.equals(origin(url))) {
                out.putIfAbsent(normal(url), new Target("页脚二维码页面", url));
            }
        }
        return List.copyOf(out.values());
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() == null ? null
                    : u.getHost().toLowerCase(Locale.ROOT) + ":" + (u.getPort() < 0 ? u.getScheme() : u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Fragments are kept: in a single-page web view {@code #/news} and {@code #/services} are different views. */
    private static String normal(String url) {
        return Objects.requireNonNull(url).strip();
    }
}

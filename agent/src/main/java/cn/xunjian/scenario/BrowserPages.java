package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.ScenarioPage;
import cn.xunjian.browser.WebBrowser;
import java.util.ArrayList;
import java.util.List;

/** A {@link PageOpener} over the browser: each page gets its own session (cookies, profile); all close together. */
public final class BrowserPages implements PageOpener, AutoCloseable {
    private final WebBrowser browser;
    private final List<WebBrowser.Session> sessions = new ArrayList<>();

    public BrowserPages(WebBrowser browser) {
        this.browser = browser;
    }

    @Override
    public ScenarioPage open(DeviceProfile profile) {
        WebBrowser.Session session = browser.openSession(profile);
        sessions.add(session);
        return session.openPage();
    }

    @Override
    public void close() {
        for (WebBrowser.Session s : sessions) {
            s.close();
        }
        sessions.clear();
    }
}

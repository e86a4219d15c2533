package cn.xunjian.scenario;

import cn.xunjian.browser.BrowserRuntime;
import cn.xunjian.browser.BrowserSession;
import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.ScenarioPage;
import java.util.ArrayList;
import java.util.List;

/** A {@link PageOpener} over the browser: each page gets its own session (cookies, profile); all close together. */
public final class BrowserPages implements PageOpener, AutoCloseable {
    private final BrowserRuntime browser;
    private final List<BrowserSession> sessions = new ArrayList<>();

    public BrowserPages(BrowserRuntime browser) {
        this.browser = browser;
    }

    @Override
    public ScenarioPage open(DeviceProfile profile) {
        BrowserSession session = browser.openSession(profile);
        sessions.add(session);
        return session.openPage();
    }

    @Override
    public void close() {
        for (BrowserSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }
}

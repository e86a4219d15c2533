package cn.xunjian.scenario;

import cn.xunjian.browser.DeviceProfile;
import cn.xunjian.browser.ScenarioPage;

/** Opens a page seen through a device profile; the opener owns it and closes it when the run is over. */
@FunctionalInterface
public interface PageOpener {
    ScenarioPage open(DeviceProfile profile);
}

package cn.xunjian.browser;

import com.microsoft.playwright.Browser;

/** The devices a site is seen through: a desktop browser, a phone, and WeChat's in-app browser. */
public enum DeviceProfile {
    DESKTOP(1366, 900, 1, false,
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"),
    MOBILE(390, 844, 3, true,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1"),
    WECHAT(390, 844, 3, true,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN miniProgram");

    private final int width;
    private final int height;
    private final double scale;
    private final boolean mobile;
    private final String userAgent;

    DeviceProfile(int width, int height, double scale, boolean mobile, String userAgent) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.mobile = mobile;
        this.userAgent = userAgent;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The viewport as recorded in a run's capture environment, e.g. {@code 390×844 @3x 移动}. */
    public String viewport() {
        return width + "×" + height + " @" + (scale == Math.rint(scale) ? String.valueOf((int) scale) : String.valueOf(scale))
                + "x" + (mobile ? " 移动" : "");
    }

    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(scale)
                .setIsMobile(mobile)
                .setHasTouch(mobile)
                .setUserAgent(userAgent)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setIgnoreHTTPSErrors(true);
    }

    /** Script run before any page script; WeChat pages check these objects to decide they are inside WeChat. */
    String initScript() {
        if (this != WECHAT) {
            return null;
        }
        return """
                (() => {
                  window.__wxjs_environment = 'miniprogram';
                  const noop = () => {};
                  window.WeixinJSBridge = { invoke: (n, a, cb) => cb && cb({err_msg: n + ':ok'}), on: noop, call: noop };
                  window.wx = window.wx || {};
                  window.wx.miniProgram = { getEnv: (cb) => cb({miniprogram: true}), navigateTo: noop,
                    navigateBack: noop, switchTab: noop, reLaunch: noop, redirectTo: noop, postMessage: noop };
                  document.addEventListener('DOMContentLoaded', () =>
                    document.dispatchEvent(new Event('WeixinJSBridgeReady')));
                })();
                """;
    }
}

/**
 * Playwright and Chromium: the browser lifecycle, device profiles (desktop, mobile, WeChat), and the narrow ports
 * the checks see instead of Playwright: {@link cn.xunjian.browser.WebBrowser} (sessions), {@link
 * cn.xunjian.browser.ScenarioPage} (a page driven step by step) and {@link cn.xunjian.browser.AuditPage} (a
 * rendered page).
 */
package cn.xunjian.browser;

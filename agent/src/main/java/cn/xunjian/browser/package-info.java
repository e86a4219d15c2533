/** Playwright and Chromium: the browser lifecycle, device profiles (desktop, mobile, WeChat), and the narrow page ports the checks see instead of Playwright. */
package cn.xunjian.browser;

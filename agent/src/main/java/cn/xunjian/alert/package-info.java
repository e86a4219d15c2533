/** Alerts to DingTalk, WeCom and JSON webhooks, with retries. */
package cn.xunjian.alert;

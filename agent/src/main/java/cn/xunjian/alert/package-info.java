/** Alerts to DingTalk, WeCom and JSON webhooks, sent through the net stack with its retries. */
package cn.xunjian.alert;

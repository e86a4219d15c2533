/** The one HTTP stack: which hosts the agent may contact, and the client every probe, crawl, link check, feed, hijack probe and alert goes through. */
package cn.xunjian.net;

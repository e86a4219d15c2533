/** Fetching a site over HTTP (through the net stack): the breadth-first crawl, link extraction and checking, charsets, soft 404s, crawler traps. */
package cn.xunjian.crawl;

/** Hidden links in the rendered page and page hijacking (cloaking for spiders, referer hijacks). */
package cn.xunjian.darklink;

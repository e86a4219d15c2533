/** Government new-media accounts: post lists and feeds, freshness, each account's verdict. */
package cn.xunjian.newmedia;

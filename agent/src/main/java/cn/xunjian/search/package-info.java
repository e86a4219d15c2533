/** The site-search check (W-D3). */
package cn.xunjian.search;

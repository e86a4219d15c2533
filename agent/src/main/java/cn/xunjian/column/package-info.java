/** Columns found from the site and their freshness: stale and blank columns, home-page freshness, back-dated items. */
package cn.xunjian.column;

/** What an audit keeps beyond one run: submitted test messages, stored probes and earlier runs (ports; the JDBC store implements them). */
package cn.xunjian.store;

/** The H2 / PostgreSQL store: schema migrations, runs, findings, probes and submitted messages. */
package cn.xunjian.store.jdbc;

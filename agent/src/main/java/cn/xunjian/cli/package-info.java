/** The command line (picocli): audit, links, demo, verify, serve (with the web console), status, user. */
package cn.xunjian.cli;

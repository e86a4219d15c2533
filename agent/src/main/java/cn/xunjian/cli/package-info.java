/** The command line (picocli): audit, links, demo, verify, serve, status. */
package cn.xunjian.cli;

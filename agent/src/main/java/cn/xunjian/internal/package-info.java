/** Support code every feature may use: the shared Jackson configuration, rule-file loading and the strict streaming data-file reader, the compiled HTML templates, Asia/Shanghai time, JSON error positions, configuration-file errors, the agent's version. */
package cn.xunjian.internal;

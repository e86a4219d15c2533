/** Support code every feature may use: the shared Jackson configuration and rule-file loading, the compiled HTML templates, Asia/Shanghai time, JSON error positions, configuration-file errors, the agent's version. */
package cn.xunjian.internal;

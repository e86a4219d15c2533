/** The outputs of a run: report.json, report.html, the circular (通报) and findings.csv. */
package cn.xunjian.report;

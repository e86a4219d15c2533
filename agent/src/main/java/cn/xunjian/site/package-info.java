/** Site files (scenarios/*.json): what to audit, read strictly with file, field and line on error. */
package cn.xunjian.site;

/** The indicator catalogue (thresholds as data) and the scoring of findings into a verdict. */
package cn.xunjian.score;

/**
 * The review of findings: each finding's status (待复核, 已确认, 误报, 已整改待复验, 复验通过, 申辩中) with its whole
 * history, matched by the finding's stable id across runs; an operator's 已整改 queues a re-check that a
 * {@link cn.xunjian.console.review.RecheckRunner} carries out and {@link cn.xunjian.console.review.ReviewStore#recordRecheck}
 * turns into the next status.
 */
package cn.xunjian.console.review;

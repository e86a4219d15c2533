package cn.xunjian.score;

import cn.xunjian.model.Verdict;

/**
 * The judgement of one site.
 *
 * @param verdict 合格 or 不合格
 * @param score the 100-point deduction score, or null when a veto item decided (nothing else is scored)
 */
public record Judgement(Verdict verdict, Double score) {
}

package cn.xunjian.score;

/**
 * The judgement of one site.
 *
 * @param passed 合格 when true
 * @param score the 100-point deduction score, or null when a veto item decided (nothing else is scored)
 */
public record Verdict(boolean passed, Double score) {
    public String label() {
        return passed ? "合格" : "不合格";
    }
}

package cn.xunjian.history;

import cn.xunjian.model.Finding;

/**
 * A finding of the current run marked against the previous run, or a previous finding that is gone.
 *
 * @param f the current finding ({@link Change#NEW}, {@link Change#OPEN}) or the previous one ({@link Change#FIXED})
 */
public record FindingChange(Finding f, Change change) {

    /** How a finding moved between two runs. */
    public enum Change {
        NEW, OPEN, FIXED;

        /** Chinese label for reports. */
        public String label() {
            return switch (this) {
                case NEW -> "新发现";
                case OPEN -> "仍存在";
                case FIXED -> "已整改";
            };
        }
    }
}

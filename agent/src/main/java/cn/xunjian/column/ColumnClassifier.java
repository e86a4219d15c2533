package cn.xunjian.column;

import cn.xunjian.column.ColumnRules.ColumnClass;
import java.util.Optional;

/**
 * Puts a column into the class that fixes how old its newest item may be (动态要闻 14 days, top-level
 * 通知公告/政策文件 6 months, 人事/规划计划 1 year), by the keywords of {@code column-rules.json}; the first class
 * whose keyword occurs in the name wins. Columns of no class are not judged for staleness.
 */
final class ColumnClassifier {
    private final ColumnRules rules;

    public ColumnClassifier(ColumnRules rules) {
        this.rules = rules;
    }

    public Optional<ColumnClass> classify(Column column) {
        String name = column.name().strip();
        for (ColumnClass c : rules.classes()) {
            if (c.topLevelOnly() && !column.topLevel()) {
                continue;
            }
            if (c.keywords().stream().anyMatch(name::contains)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

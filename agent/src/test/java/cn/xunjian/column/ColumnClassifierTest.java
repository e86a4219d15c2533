package cn.xunjian.column;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.column.ColumnRules.ColumnClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnClassifierTest {
    private final ColumnClassifier classifier = new ColumnClassifier(ColumnRules.standard());

    private Optional<ColumnClass> top(String name) {
        return classifier.classify(new Column(name, "http://127.0.0.1/x/", null, Column.Source.NAV));
    }

    private Optional<ColumnClass> sub(String name) {
        return classifier.classify(new Column(name, "http://127.0.0.1/x/", "政务公开", Column.Source.SITEMAP));
    }

    @Test
    void newsColumnsMayBeFourteenDaysOld() {
        assertThat(top("工作动态")).map(ColumnClass::maxAgeDays).contains(14);
        assertThat(sub("部门动态")).map(ColumnClass::maxAgeDays).contains(14);
        assertThat(top("要闻")).map(ColumnClass::label).contains("动态要闻类");
        assertThat(top("新闻中心")).map(ColumnClass::id).contains("news");
    }

    @Test
    void topLevelNoticesAndPoliciesMayBeSixMonthsOld() {
        assertThat(top("通知公告")).map(ColumnClass::maxAgeDays).contains(183);
        assertThat(top("政策文件")).map(ColumnClass::maxAgeDays).contains(183);
        assertThat(top("政策文件")).map(ColumnClass::alsoIndicator).contains("W-D7");
    }

    @Test
    void subColumnNoticesAndPoliciesAreNotJudgedForStaleness() {
        assertThat(sub("通知公告")).isEmpty();
        assertThat(sub("政策文件")).isEmpty();
    }

    @Test
    void personnelAndPlanningColumnsMayBeAYearOld() {
        assertThat(sub("人事信息")).map(ColumnClass::maxAgeDays).contains(365);
        assertThat(top("规划计划")).map(ColumnClass::maxAgeDays).contains(365);
        assertThat(sub("人事")).map(ColumnClass::group).contains("b");
    }

    @Test
    void otherColumnsAreNotJudgedForStaleness() {
        assertThat(top("机构设置")).isEmpty();
        assertThat(top("办事服务")).isEmpty();
        assertThat(top("领导信息")).isEmpty();
    }
}

package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property tests over the whole bundled rule base. */
class WordingRulesTest {
    private static final WordingRules RULES = WordingRules.standard();
    private static final WordingMatcher MATCHER = new WordingMatcher(RULES);
    private static final Optional<LocalDate> NOW = Optional.of(LocalDate.of(2026, 11, 22));

    static Stream<WordingRule> rules() {
        return RULES.rules().stream();
    }

    private static List<String> firing(String sentence, Optional<LocalDate> published) {
        return MATCHER.scan(PageText.normalise(sentence), published, List.of()).stream()
                .map(h -> h.rule().id()).toList();
    }

    @Test
    void theRuleBaseHasAtLeastSixtyRulesOfEveryKind() {
        assertThat(RULES.rules()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(RULES.rules()).extracting(WordingRule::kind).contains(WordingRule.Kind.values());
        assertThat(RULES.rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(RULES.maxScreenshotsPerSite()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyWrongFormFiresInASentenceAndItsCorrectionDoesNot(WordingRule rule) {
        for (String wrong : rule.wrongForms()) {
            assertThat(firing("我市认真做好" + wrong + "相关工作。", NOW)).as(wrong).contains(rule.id());
        }
        assertThat(firing("我市认真做好" + rule.right() + "相关工作。", NOW)).as(rule.right()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyExceptionContextHolds(WordingRule rule) {
        for (String context : rule.exceptions()) {
            assertThat(firing("我们参观了" + context + "。", NOW)).as(context).doesNotContain(rule.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aChangedNameMentionedAsHistoryDoesNotFire(WordingRule rule) {
        if (rule.changedOn().isEmpty()) {
            return;
        }
        LocalDate changed = rule.changedOn().get();
        String wrong = rule.wrongForms().get(0);
        assertThat(firing("原" + wrong + "的职责已经调整。", NOW)).as("原 prefix").doesNotContain(rule.id());
        assertThat(firing(wrong + "更名为" + rule.right() + "。", NOW)).as("更名").doesNotContain(rule.id());
        assertThat(firing((changed.getYear() - 1) + "年，" + wrong + "印发了通知。", NOW)).as("earlier year")
                .doesNotContain(rule.id());
        assertThat(firing("根据《" + wrong + "关于做好有关工作的通知》（办发〔" + (changed.getYear() - 1) + "〕5号）要求。",
                NOW)).as("quoted title with an earlier document number").doesNotContain(rule.id());
        assertThat(firing("根据《" + wrong + "关于做好有关工作的通知》（办发〔" + (changed.getYear() + 1) + "〕5号）要求。",
                NOW)).as("quoted title with a later document number").contains(rule.id());
        assertThat(firing("近日，" + wrong + "印发了通知。", Optional.of(changed.minusDays(1))))
                .as("published before the change").doesNotContain(rule.id());
        assertThat(firing("近日，" + wrong + "印发了通知。", Optional.of(changed.plusDays(1))))
                .as("published after the change").contains(rule.id());
    }

    @Test
    void aWrongFormInsideALongerWrongFormReportsOnlyTheLongerOne() {
        assertThat(firing("深入开展党史教育学习活动。", NOW)).containsExactly("F-001");
        assertThat(firing("国家卫生和计划生育委员会发布通知。", NOW)).containsExactly("O-001");
    }

    @Test
    void aCorrectPhraseContainingAWrongPatternDoesNotFire() {
        assertThat(firing("住房和城乡建设部召开会议，城乡建设部门参加。", NOW)).isEmpty();
        assertThat(firing("组织党员参观党史教育基地，深入开展党史学习教育。", NOW)).isEmpty();
        assertThat(firing("各级农业部门和文化部门协同推进，有关健康的知识。", NOW)).isEmpty();
    }

    @Test
    void theMacaoGovernmentBeforeTheHandoverIsHistoryNotAFormulationError() {
        // a painter's biography on the 乌鲁木齐 site (realpages/urumqi-article.html): in 1993 there was no 特区政府
        assertThat(firing("1993年参加行隐画艺学会三人作品展，荣获澳门第十届\"全澳书画联展\"国画组冠军奖，并为澳门政府收藏。", NOW))
                .isEmpty();
        assertThat(firing("作品已为澳门政府收藏。", NOW)).containsExactly("F-026");
    }

    @Test
    void aFormerLeaderTitleAfterShirenIsHistory() {
        assertThat(firing("时任国务院总理李克强出席会议。", NOW)).isEmpty();
        assertThat(firing("国务院总理李克强出席会议。", NOW)).containsExactly("S-021");
    }

    @Test
    void quotesAndSpacesBetweenChineseCharactersDoNotHideAFormulation() {
        assertThat(firing("深刻领悟“两个维护”的决定性意义", NOW)).containsExactly("F-009");
        assertThat(firing("深刻领悟‘两个维护’的决定性意义", NOW)).containsExactly("F-009");
        assertThat(firing("扫黑 险恶", NOW)).containsExactly("S-005");
        assertThat(firing("不忘初心，牢记使命", NOW)).containsExactly("F-017");
        assertThat(firing("不忘初心,牢记使命", NOW)).containsExactly("F-017");
        assertThat(firing("不忘初心、牢记使命", NOW)).isEmpty();
        assertThat(PageText.normalise("电话：１３８ 1234\u3000５６７８")).isEqualTo("电话：138 1234 5678");
    }
}

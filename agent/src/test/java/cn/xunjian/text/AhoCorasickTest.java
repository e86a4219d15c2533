package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
    private static List<String> spans(AhoCorasick<String> ac, String text) {
        return ac.findAll(text).stream().map(h -> h.start() + "-" + h.end() + ":" + h.value()).toList();
    }

    @Test
    void findsEveryOccurrenceOfEveryPatternIncludingOverlapsAndSuffixes() {
        AhoCorasick<String> ac = AhoCorasick.<String>builder()
                .add("he", "he").add("she", "she").add("his", "his").add("hers", "hers").build();
        assertThat(spans(ac, "ushers")).containsExactly("1-4:she", "2-4:he", "2-6:hers");
        assertThat(spans(ac, "ahishers")).containsExactly("1-4:his", "3-6:she", "4-6:he", "4-8:hers");
    }

    @Test
    void findsChinesePatternsAtTheirOffsets() {
        AhoCorasick<String> ac = AhoCorasick.<String>builder()
                .add("扫黑险恶", "S-005").add("中华人民共合国", "S-001").add("建设部", "O-044")
                .add("住房和城乡建设部", "right").build();
        String text = "中华人民共合国住房和城乡建设部开展扫黑险恶";
        assertThat(spans(ac, text)).containsExactly("0-7:S-001", "7-15:right", "12-15:O-044", "17-21:S-005");
    }

    @Test
    void followsFailureLinksAfterAPartialMatch() {
        AhoCorasick<Integer> ac = AhoCorasick.<Integer>builder().add("abcd", 1).add("bce", 2).add("c", 3).build();
        assertThat(ac.findAll("abce")).extracting(AhoCorasick.Hit::value).containsExactly(3, 2);
    }

    @Test
    void aPatternAddedTwiceReportsBothValues() {
        AhoCorasick<String> ac = AhoCorasick.<String>builder().add("党史", "a").add("党史", "b").build();
        assertThat(ac.findAll("学党史")).extracting(AhoCorasick.Hit::value).containsExactly("a", "b");
        assertThat(ac.size()).isEqualTo(2);
    }

    @Test
    void textWithoutPatternsHasNoHits() {
        AhoCorasick<String> ac = AhoCorasick.<String>builder().add("攻府", "x").build();
        assertThat(ac.findAll("临江市人民政府")).isEmpty();
        assertThat(ac.findAll("")).isEmpty();
    }

    @Test
    void anEmptyPatternIsRefused() {
        assertThatThrownBy(() -> AhoCorasick.<String>builder().add("", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

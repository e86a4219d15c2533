package cn.xunjian.darklink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamKeywordsTest {
    private final SpamKeywords keywords = SpamKeywords.standard();

    @Test
    void aStrongGamblingTermAloneIsSpam() {
        SpamKeywords.Match m = keywords.scan("百家乐在线");
        assertThat(m.spam()).isTrue();
        assertThat(m.terms()).contains("百家乐");
        assertThat(m.categories()).containsExactly("赌博");
    }

    @Test
    void theBet356BrandOfARealHijackedCircularPageIsGambling() {
        // title and breadcrumb of the hijacked 营口 page in shared/seeds/000_e714206f272198fe.txt
        SpamKeywords.Match m = keywords.scan("bet356手机版_bet356体育在线_中国体彩网官网推荐");
        assertThat(m.spam()).isTrue();
        assertThat(m.categories()).containsExactly("赌博");
    }

    @Test
    void fullWidthLettersAndDigitsAreFoldedToAscii() {
        assertThat(keywords.normalise("ＢＥＴ３６５")).isEqualTo("bet365");
        assertThat(keywords.scan("ＢＥＴ３６５体育").terms()).contains("bet365");
    }

    @Test
    void spacesAndPunctuationBetweenCharactersDoNotHideATerm() {
        assertThat(keywords.scan("时 时·彩 平台").terms()).contains("时时彩");
        assertThat(keywords.scan("六-合*彩").terms()).contains("六合彩");
    }

    @Test
    void zeroWidthCharactersDoNotHideATerm() {
        assertThat(keywords.scan("百\u200b家\u200d乐").terms()).contains("百家乐");
    }

    @Test
    void cyrillicLookAlikesAndTraditionalCharactersAreFolded() {
        assertThat(keywords.normalise("bеt365")).isEqualTo("bet365");
        assertThat(keywords.scan("bеt365").spam()).isTrue();
        assertThat(keywords.scan("真人娛樂").terms()).contains("真人娱乐");
    }

    @Test
    void escapedAndPercentEncodedTextIsDecodedFirst() {
        assertThat(keywords.normalise("\\u6fb3\\u95e8\\u8461\\u4eac")).isEqualTo("澳门葡京");
        assertThat(keywords.scan("https://x.example/s?q=%E5%85%AD%E5%90%88%E5%BD%A9").terms()).contains("六合彩");
    }

    @Test
    void aTermInTheHrefCountsEvenWhenTheTextIsHarmless() {
        assertThat(keywords.scan("点击进入", "http://www.bet365-app.example/").spam()).isTrue();
    }

    @Test
    void oneWeakWordWithALegitimateUseIsNotSpam() {
        assertThat(keywords.scan("澳门特别行政区政府").spam()).isFalse();
        assertThat(keywords.scan("居住证办证指南").spam()).isFalse();
        assertThat(keywords.scan("体育彩票公益金使用情况").spam()).isFalse();
        assertThat(keywords.scan("文化体育和娱乐活动").spam()).isFalse();
    }

    @Test
    void twoWeakWordsOrAWeakWordWithContextAreSpam() {
        assertThat(keywords.scan("澳门威尼斯人").categories()).containsExactly("赌博");
        assertThat(keywords.scan("皇冠体育官网").terms()).contains("皇冠", "体育");
        assertThat(keywords.scan("办证刻章 电话").spam()).isTrue();
    }

    @Test
    void aWordInsideALongerMatchedTermIsNotCountedTwice() {
        assertThat(keywords.scan("税务局代开发票服务").spam()).isFalse();
        assertThat(keywords.scan("代开发票 微信").spam()).isTrue();
    }

    @Test
    void noticesAgainstGamblingAndPornAreNotSpam() {
        assertThat(keywords.scan("关于严厉打击跨境赌场和网络色情的通告").spam()).isFalse();
        assertThat(keywords.scan("警惕六合彩诈骗").spam()).isFalse();
    }

    @Test
    void ordinaryGovernmentLinksAreNotSpam() {
        for (String text : new String[] {"政务公开", "跳到主要内容", "中国政府网", "办事服务", "网站地图", "javascript:void(0)",
                "https://www.gov.cn/", "/nav/live/index.html", "领导信箱", "政策解读"}) {
            assertThat(keywords.scan(text).spam()).as(text).isFalse();
        }
    }

    @Test
    void normalisationIsIndependentOfTheDefaultLocale() {
        // tests run under a Turkish default locale, where "I".toLowerCase() is a dotless i
        assertThat(keywords.normalise("BIG WIN")).isEqualTo("bigwin");
    }

    @Test
    void theInternationalTermsOfSlotAndJudiSpamAreSpamInTextAndTargets() {
        assertThat(keywords.scan("SLOT GACOR hari ini").terms()).contains("gacor");
        assertThat(keywords.scan("Situs Judi Online Terpercaya").terms()).contains("situsjudi", "judionline");
        assertThat(keywords.scan("daftar", "https://togel-resmi.example/").categories()).containsExactly("赌博");
        assertThat(keywords.scan("Live Casino").spam()).isTrue();
        assertThat(keywords.scan("点击", "https://www.x-porn.example/").categories()).containsExactly("色情");
    }

    @Test
    void latinWordsThatArePinyinOrEnglishAreNotSpamOnTheirOwn() {
        for (String text : new String[] {"https://www.judicial.example/judi/", "西藏 Tibet", "time slot", "Essex",
                "https://www.shengtai.example/", "http://www.seoul.go.kr/", "judi"}) {
            assertThat(keywords.scan(text).spam()).as(text).isFalse();
        }
    }

    @Test
    void seoSpamWordingIsItsOwnCategory() {
        assertThat(keywords.scan("蜘蛛池出租").categories()).containsExactly("SEO 推广");
        assertThat(keywords.scan("百度快照 代做").categories()).containsExactly("SEO 推广");
        assertThat(keywords.scan("本站已被百度收录").spam()).isTrue();
        assertThat(keywords.scan("政府信息公开目录").spam()).isFalse();
    }
}

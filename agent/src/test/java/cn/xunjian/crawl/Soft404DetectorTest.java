package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Soft404DetectorTest {
    private final Soft404Detector detector = new Soft404Detector(Soft404Detector.Rules.standard());

    @Test
    void aTitleOrShortTextSayingThePageIsGoneIsNotFound() {
        assertThat(detector.notFound("404 - 某某市人民政府", "返回首页")).isTrue();
        assertThat(detector.notFound("Error 404", "")).isTrue();
        assertThat(detector.notFound("提示", "对不起，您访问的页面不存在！")).isTrue();
        assertThat(detector.notFound("页面未找到", "")).isTrue();
    }

    @Test
    void anArticleNumbered404OrALongPageMentioningDeletionIsNotNotFound() {
        assertThat(detector.notFound("第404号通知", "根据工作安排，现将有关事项通知如下。")).isFalse();
        assertThat(detector.notFound("关于清理过期信息的通知", "各单位：" + "对已删除的信息要做好登记。".repeat(80)))
                .isFalse();
    }

    @Test
    void aPageNearlyIdenticalToTheProbeAnswerIsNotFoundButADifferentPageIsNot() {
        String friendly = "某某县人民政府门户网站 您要找的内容可能已经调整，请返回首页继续浏览。联系电话：0571-12345678";
        detector.probe(friendly);
        assertThat(detector.notFound("某某县人民政府", friendly)).isTrue();
        assertThat(detector.notFound("新闻一", "本县召开安全生产工作会议，部署今冬明春安全生产工作。会议要求各乡镇各部门压实责任，"
                + "确保人民群众生命财产安全。")).isFalse();
    }
}

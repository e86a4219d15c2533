package cn.xunjian.scenario.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageListParserTest {
    private final MessageListParser parser = new MessageListParser(MessageRules.standard());

    @Test
    void readsATableLayoutByItsHeader() {
        List<PublicMessage> ms = parser.parse("""
                <table><tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>回复时间</th><th>办理状态</th></tr>
                <tr><td>1</td><td><a href="/x/1.html">供暖问题</a></td><td>2026年7月1日</td><td></td><td>办理中</td></tr>
                <tr><td>2</td><td><a href="/x/2.html">医保办理</a></td><td>2026/09/01</td><td>2026-09-17</td><td>已答复</td></tr>
                </table>""", "http://127.0.0.1/x/list.html");
        assertThat(ms).containsExactly(
                new PublicMessage("供暖问题", "http://127.0.0.1/x/1.html", LocalDate.of(2026, 7, 1), null,
                        PublicMessage.Status.UNANSWERED),
                new PublicMessage("医保办理", "http://127.0.0.1/x/2.html", LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 9, 17), PublicMessage.Status.ANSWERED));
    }

    @Test
    void readsAListLayoutWithLabelledDates() {
        List<PublicMessage> ms = parser.parse("""
                <div class="list">
                  <div class="item"><h4><a href="1.html">加装电梯</a></h4><p>留言时间：2026-11-02 09:30</p>
                    <p>答复时间：2026-11-04</p><span>已回复</span></div>
                  <div class="item"><h4><a href="2.html">公交线路</a></h4><p>留言时间: 2026-11-09</p><span>待答复</span></div>
                </div>""", "http://127.0.0.1/m/");
        assertThat(ms).extracting(PublicMessage::title).containsExactly("加装电梯", "公交线路");
        assertThat(ms.get(0).answeredAt()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(ms.get(1).status()).isEqualTo(PublicMessage.Status.UNANSWERED);
        assertThat(ms.get(1).url()).isEqualTo("http://127.0.0.1/m/2.html");
    }

    @Test
    void readsADetailPageAsOneMessage() {
        List<PublicMessage> ms = parser.parse("""
                <h1>关于公交线路的咨询</h1><p>留言时间：2026-10-09</p><p>内容……</p>
                <div class="reply"><p>答复单位：县交通局</p><p>答复时间：2026-10-20</p></div>""", "http://127.0.0.1/d/1.html");
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.askedAt()).isEqualTo(LocalDate.of(2026, 10, 9));
            assertThat(m.answeredAt()).isEqualTo(LocalDate.of(2026, 10, 20));
        });
    }

    @Test
    void aPageWithoutMessageDatesYieldsNothing() {
        assertThat(parser.parse("<ul><li><a href=\"1.html\">某条新闻</a> 2026-11-02</li></ul>", "http://127.0.0.1/"))
                .isEmpty();
    }
}

package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.testing.FixtureServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exit codes, text and JSON output of {@code xunjian links}. */
class LinksCommandTest {
    private final FixtureServer server = new FixtureServer()
            .html("/good/index.html", "<html><body><a href='a.html'>栏目</a><img src='a.html' alt='图'></body></html>")
            .html("/good/a.html", "<html><body><a href='index.html'>首页</a></body></html>")
            .html("/bad/index.html", "<html><body><a href='gone.html'>已删除的通知</a>"
                    + "<a href='files/plan.pdf'>规划</a><a href='ok.html'>正常</a></body></html>")
            .html("/bad/ok.html", "<html><body>正常</body></html>");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void close() {
        server.close();
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void exitsZeroWhenNoLinkIsBroken() {
        assertThat(run("links", server.url("/good/index.html"), "--loopback-only")).isEqualTo(0);
        assertThat(out.toString()).contains("共抓取页面 2 个").contains("失效 0 个");
    }

    @Test
    void exitsOneAndListsEachBrokenLinkWithItsPageAndText() {
        assertThat(run("links", server.url("/bad/index.html"), "--loopback-only")).isEqualTo(1);
        assertThat(out.toString())
                .contains("HTTP 404  " + server.url("/bad/gone.html") + "  链接“已删除的通知”  所在页面 "
                        + server.url("/bad/index.html"))
                .contains("HTTP 404  " + server.url("/bad/files/plan.pdf") + "  附件“规划”")
                .contains("失效 2 个");
    }

    @Test
    void writesJsonWithTheBrokenLinksAndTotals() throws Exception {
        assertThat(run("links", server.url("/bad/index.html"), "--json", "--loopback-only")).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("start").asText()).isEqualTo(server.url("/bad/index.html"));
        assertThat(json.get("pages").asInt()).isEqualTo(2);
        assertThat(json.get("links").asInt()).isEqualTo(3);
        assertThat(json.get("broken")).hasSize(2);
        JsonNode first = json.get("broken").get(0);
        assertThat(first.get("url").asText()).isEqualTo(server.url("/bad/files/plan.pdf"));
        assertThat(first.get("status").asText()).isEqualTo("HTTP 404");
        assertThat(first.get("source").asText()).isEqualTo(server.url("/bad/index.html"));
        assertThat(first.get("text").asText()).isEqualTo("规划");
        assertThat(first.get("kind").asText()).isEqualTo("attachment");
        assertThat(json.get("softNotFound").isArray()).isTrue();
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        assertThat(run("links", "ftp://example.gov.cn/")).isEqualTo(2);
        assertThat(err.toString()).contains("用法错误");
    }

    @Test
    void aNonPositivePageCapIsAUsageError() {
        assertThat(run("links", server.url("/good/index.html"), "--max-pages", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-pages");
    }

    @Test
    void aMissingUrlIsAUsageError() {
        assertThat(run("links")).isEqualTo(2);
        assertThat(err.toString()).contains("用法错误");
    }

    @Test
    void theMaxPagesOptionLimitsTheCrawl() throws Exception {
        assertThat(run("links", server.url("/good/index.html"), "--json", "--max-pages", "1", "--loopback-only"))
                .isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("pages").asInt()).isEqualTo(1);
        assertThat(json.get("truncated").asBoolean()).isTrue();
    }
}

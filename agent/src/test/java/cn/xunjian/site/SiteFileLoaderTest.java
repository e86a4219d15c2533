package cn.xunjian.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFileLoaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("site.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void loadsTheFullShapeOfDesignMd() throws IOException {
        Path file = write("""
                {
                  "name": "临江市人民政府",
                  "siteCode": "3301850031",
                  "url": "https://www.example.gov.cn/",
                  "kind": "portal",
                  "consultation": { "url": "https://www.example.gov.cn/interact/ask.html", "submit": false },
                  "webviews": [ { "name": "掌上临江", "url": "https://www.example.gov.cn/h5/" } ],
                  "newMedia": [ { "name": "临江发布", "platform": "wechat", "url": "https://mp.example.cn/lj" } ],
                  "scenarios": [ "library/consultation.json" ]
                }
                """);
        SiteFile site = new SiteFileLoader().load(file);
        assertThat(site.name()).isEqualTo("临江市人民政府");
        assertThat(site.siteCode()).isEqualTo("3301850031");
        assertThat(site.consultation().submit()).isFalse();
        assertThat(site.webviews()).extracting(SiteFile.WebView::name).containsExactly("掌上临江");
        assertThat(site.newMedia().get(0).platform()).isEqualTo("wechat");
        assertThat(site.scenarios()).containsExactly("library/consultation.json");
    }

    @Test
    void onlyNameAndUrlAreRequired() throws IOException {
        SiteFile site = new SiteFileLoader().load(write("{\"name\": \"某局\", \"url\": \"http://127.0.0.1:8080/\"}"));
        assertThat(site.kind()).isEqualTo("portal");
        assertThat(site.webviews()).isEmpty();
    }

    @Test
    void aSiteMayNameTheUserAgentItsHostIsSentButOnlyInPrintableAscii() throws IOException {
        SiteFile site = new SiteFileLoader().load(write(
                "{\"name\": \"某局\", \"url\": \"http://127.0.0.1/\", \"userAgent\": \"Mozilla/5.0 Xunjian/0.1 (bm12345678)\"}"));
        assertThat(site.userAgent()).isEqualTo("Mozilla/5.0 Xunjian/0.1 (bm12345678)");

        Path file = write("{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"userAgent\": \"巡检\"\n}\n");
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .isInstanceOf(SiteFileException.class)
                .hasMessageContaining("userAgent")
                .hasMessageContaining("第 4 行")
                .hasMessageContaining("可打印 ASCII");
    }

    @Test
    void aSiteMayCapItsCrawlAndTheCapMustBeAPositiveNumberOfPages() throws IOException {
        SiteFile site = new SiteFileLoader().load(write(
                "{\"name\": \"某局\", \"url\": \"http://127.0.0.1/\", \"maxPages\": 5000}"));
        assertThat(site.maxPages()).isEqualTo(5000);
        assertThat(new SiteFileLoader().load(write("{\"name\": \"某局\", \"url\": \"http://127.0.0.1/\"}"))
                .maxPages()).as("the whole site by default").isNull();

        Path file = write("{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"maxPages\": 0\n}\n");
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .isInstanceOf(SiteFileException.class)
                .hasMessageContaining("maxPages")
                .hasMessageContaining("第 4 行");
    }

    @Test
    void unknownKeyNamesFileFieldAndLine() throws IOException {
        Path file = write("""
                {
                  "name": "某局",
                  "url": "http://127.0.0.1/",
                  "sitecode": "3301850031"
                }
                """);
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .isInstanceOf(SiteFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("第 4 行")
                .hasMessageContaining("\"sitecode\"")
                .hasMessageContaining("未知字段")
                .satisfies(e -> assertThat(((SiteFileException) e).line()).isEqualTo(4));
    }

    @Test
    void unknownKeyInsideANestedObjectNamesItsPath() throws IOException {
        Path file = write("""
                {
                  "name": "某局",
                  "url": "http://127.0.0.1/",
                  "webviews": [
                    { "name": "a", "url": "http://127.0.0.1/a" },
                    { "name": "b", "link": "http://127.0.0.1/b" }
                  ]
                }
                """);
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .hasMessageContaining("webviews[1].link").hasMessageContaining("第 6 行");
    }

    @Test
    void missingUrlIsNamed() throws IOException {
        Path file = write("{\n  \"name\": \"某局\"\n}\n");
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .hasMessageContaining("\"url\"").hasMessageContaining("必填");
    }

    @Test
    void malformedJsonGivesTheLine() throws IOException {
        Path file = write("{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\"\n  \"kind\": \"portal\"\n}\n");
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .hasMessageContaining("JSON 格式错误").hasMessageContaining("第 4 行");
    }

    @Test
    void urlMustBeHttpWithTheLineOfTheField() throws IOException {
        Path file = write("{\n  \"name\": \"某局\",\n  \"url\": \"ftp://example.gov.cn/\"\n}\n");
        assertThatThrownBy(() -> new SiteFileLoader().load(file))
                .hasMessageContaining("\"url\"").hasMessageContaining("第 3 行").hasMessageContaining("http://");
    }

    @Test
    void siteCodeMustHaveTheOfficialShape() throws IOException {
        Path file = write("{\"name\": \"某局\", \"url\": \"http://127.0.0.1/\", \"siteCode\": \"12345\"}");
        assertThatThrownBy(() -> new SiteFileLoader().load(file)).hasMessageContaining("siteCode")
                .hasMessageContaining("10位数字");
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        Path file = write("{\n \"name\": \"某局\",\n \"url\": \"http://127.0.0.1/\",\n \"consultation\": {\"submit\": \"yes\"}\n}");
        assertThatThrownBy(() -> new SiteFileLoader().load(file)).hasMessageContaining("consultation.submit")
                .hasMessageContaining("第 4 行");
    }

    @Test
    void missingFileIsAClearError() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> new SiteFileLoader().load(file)).hasMessageContaining("nope.json")
                .hasMessageContaining("文件不存在");
    }

    @Test
    void theBundledExampleSiteFileIsValid() {
        Path example = Path.of("..", "scenarios", "example.json");
        SiteFile site = new SiteFileLoader().load(example);
        assertThat(site.name()).isNotBlank();
    }

    @Test
    void aSitesTextIsValidatedLikeAFileWithTheSameMessagesNamingItsSourceInsteadOfAFile() throws IOException {
        String[] texts = {
            "{\n  \"name\": \"某局\",\n  \"url\": \"ftp://127.0.0.1/\"\n}",
            "{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"siteCode\": \"12\"\n}",
            "{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"maxPages\": \"many\"\n}",
            "{\n  \"name\": \"某局\",\n  \"url\": \"http://127.0.0.1/\",\n  \"colour\": 1\n}",
            "{\n  \"name\": \"\",\n  \"url\": \"http://127.0.0.1/\"\n}",
            "{ \"name\": ",
        };
        for (String text : texts) {
            Path file = write(text);
            SiteFileException fromFile = catchSite(() -> new SiteFileLoader().load(file));
            SiteFileException fromText = catchSite(() -> new SiteFileLoader().parse(text, "控制台网站“某局”"));
            assertThat(fromText.field()).as(text).isEqualTo(fromFile.field());
            assertThat(fromText.problem()).as(text).isEqualTo(fromFile.problem()).isNotBlank();
            assertThat(fromText.line()).as(text).isEqualTo(fromFile.line());
            assertThat(fromText.getMessage()).as(text)
                    .isEqualTo(fromFile.getMessage().replace(file.toString(), "控制台网站“某局”"));
            assertThat(fromText.file()).isNull();
        }
        assertThat(catchSite(() -> new SiteFileLoader().parse(texts[0], "x")).getMessage())
                .isEqualTo("站点文件 x 第 3 行，字段 \"url\"：应为 http:// 或 https:// 开头的网址，实际为 \"ftp://127.0.0.1/\"");
        SiteFile ok = new SiteFileLoader().parse("{\"name\": \"某局\", \"url\": \"https://www.example.gov.cn/\", "
                + "\"webviews\": [{\"name\": \"掌上某局\", \"url\": \"https://www.example.gov.cn/h5/\"}]}", "x");
        assertThat(ok.webviews()).singleElement().satisfies(w -> assertThat(w.name()).isEqualTo("掌上某局"));
    }

    private static SiteFileException catchSite(Runnable r) {
        try {
            r.run();
        } catch (SiteFileException e) {
            return e;
        }
        throw new AssertionError("no SiteFileException");
    }
}

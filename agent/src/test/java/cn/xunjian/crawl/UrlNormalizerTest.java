package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
    private final UrlNormalizer normalizer = new UrlNormalizer(CrawlRules.standard().traps());

    private String n(String url) {
        return normalizer.normalize(url).orElse("<invalid>");
    }

    @Test
    void encodesSpacesAndChineseCharactersAsUtf8() {
        assertThat(n("http://127.0.0.1:8080/xxgk/通知 公告.html")).isEqualTo(
                "http://127.0.0.1:8080/xxgk/%E9%80%9A%E7%9F%A5%20%E5%85%AC%E5%91%8A.html");
        assertThat(n("http://127.0.0.1/a%20b.html")).isEqualTo("http://127.0.0.1/a%20b.html");
        assertThat(n("http://127.0.0.1/100%.html")).isEqualTo("http://127.0.0.1/100%25.html");
    }

    @Test
    void dropsFragmentsDefaultPortsAndHostCase() {
        assertThat(n("HTTP://WWW.Example.GOV.cn:80#top")).isEqualTo("http://www.example.gov.cn/");
        assertThat(n("https://example.gov.cn:443/a?b=1#c")).isEqualTo("https://example.gov.cn/a?b=1");
    }

    @Test
    void removesSessionIdsButKeepsShortSiteIds() {
        assertThat(n("http://h/a.jsp;jsessionid=0123456789ABCDEF0123456789ABCDEF?id=3")).isEqualTo("http://h/a.jsp?id=3");
        assertThat(n("http://h/a.jsp?id=3&sid=0123456789abcdef0123")).isEqualTo("http://h/a.jsp?id=3");
        assertThat(n("http://h/col.jsp?sid=12")).isEqualTo("http://h/col.jsp?sid=12");
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThat(normalizer.normalize("ftp://h/a")).isEmpty();
        assertThat(normalizer.normalize("javascript:void(0)")).isEmpty();
    }
}

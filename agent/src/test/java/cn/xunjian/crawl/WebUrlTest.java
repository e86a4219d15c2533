package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Links resolved as the WHATWG URL Standard (and so a browser) resolves them; cases as in WPT's urltestdata. */
class WebUrlTest {
    private static final String BASE = "http://example.org/foo/bar?q=1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "(https://example.com/x) => http://example.org/foo/(https://example.com/x)",
        "baz.html => http://example.org/foo/baz.html",
        "../baz => http://example.org/baz",
        "/a/./b/../c => http://example.org/a/c",
        "/a/%2e%2E/c => http://example.org/c",
        "\\\\other.org\\x\\y => http://other.org/x/y",
        "/\\\\other.org/z => http://other.org/z",
        "http:rel => http://example.org/foo/rel",
        "https:host.cn/p => https://host.cn/p",
        "http:///////host.cn/p => http://host.cn/p",
        "?x=2 => http://example.org/foo/bar?x=2",
        "#frag => http://example.org/foo/bar?q=1",
        "HTTP://Example.ORG:80/a b => http://example.org/a%20b",
        "http://0x7f.1/ => http://127.0.0.1/",
        "http://例子.中国/路径?名=值 => http://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?%E5%90%8D=%E5%80%BC",
        "/a|b^c => http://example.org/a%7Cb%5Ec",
        "/100%/x => http://example.org/100%25/x",
    })
    void resolvesAsABrowserDoes(String link, String expected) {
        assertThat(WebUrl.resolve(BASE, link)).map(WebUrl.Parsed::withoutFragment).contains(expected);
    }

    @org.junit.jupiter.api.Test
    void dropsTabsAndNewlinesAndTrimsControlsAndSpaces() {
        assertThat(WebUrl.resolve(BASE, " \u0001 /tab\tbed\n ")).map(WebUrl.Parsed::withoutFragment)
                .contains("http://example.org/tabbed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"//////", "http://", "https:////", "http://a b/", "http://host:99999/", "http://host:8o/",
        "http://[::1/", "mailto:someone@example.org", "ftp://example.org/"})
    void findsNoHttpUrlWhereABrowserFindsNone(String link) {
        assertThat(WebUrl.resolve(BASE, link)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"/p#top|top", "#|''", "/p#a#b|a#b"})
    void keepsTheFragmentApart(String link, String fragment) {
        assertThat(WebUrl.resolve(BASE, link)).map(WebUrl.Parsed::fragment).contains(fragment);
    }
}

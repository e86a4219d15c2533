package cn.xunjian.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code url()} and {@code @import} as the CSS Syntax standard tokenises them. */
class StylesheetUrlsTest {
    private static List<String> urls(String css) {
        return StylesheetUrls.of(css).stream().map(r -> (r.imported() ? "@" : "") + r.url()).toList();
    }

    @Test
    void findsUnquotedAndQuotedUrlsAndImports() {
        assertThat(urls("""
                @import url("reset.css");
                @import 'print.css' print;
                .nav{background:url(../images/nav_bg.jpg) repeat-x;}
                .logo { background-image: URL( "../images/logo.png" ); }
                @font-face{font-family:"fzxbs";src:url('../fonts/fzxbs.woff2') format("woff2"),url(../fonts/fzxbs.ttf);}
                """)).containsExactly("@reset.css", "@print.css", "../images/nav_bg.jpg", "../images/logo.png",
                "../fonts/fzxbs.woff2", "../fonts/fzxbs.ttf");
    }

    @Test
    void commentsStringsAndOtherFunctionsAreNotUrls() {
        assertThat(urls("""
                /* .old{background:url(old.png)} */
                .a:after{content:"url(not-a-url.png)"}
                .b{background:myurl(x.png); filter:progid:DXImageTransform.Microsoft.AlphaImageLoader(src='y.png')}
                .c{background:url(real.png)}
                """)).containsExactly("real.png");
    }

    @Test
    void escapesAreDecodedAndBadUrlsSkipped() {
        assertThat(urls("""
                .a{background:url(images/\\31 .png)}
                .b{background:url(images/a\\(1\\).png)}
                .c{background:url(images/bad url.png)}
                .d{background:url(images/ok.png)}
                """)).containsExactly("images/1.png", "images/a(1).png", "images/ok.png");
    }

    @Test
    void dataUrlsAreReturnedAsWrittenForTheCallerToSkip() {
        assertThat(urls(".i{background:url(data:image/png;base64,iVBORw0KGgo=)}"))
                .containsExactly("data:image/png;base64,iVBORw0KGgo=");
    }
}

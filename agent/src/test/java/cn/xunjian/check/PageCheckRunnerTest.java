package cn.xunjian.check;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCheckRunnerTest {
    private static final PageContext CONTEXT = new PageContext(null, null, url -> Optional.empty(),
            Clock.systemUTC());

    private static PageCheck check(String name, boolean failOnB) {
        return new PageCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String indicator() {
                return "W-D5";
            }

            @Override
            public List<Finding> check(SitePage page, PageContext context) {
                if (failOnB && page.url().endsWith("b.html")) {
                    throw new IllegalStateException("boom");
                }
                return List.of(new Finding("W-D5", name + ".hit", Severity.DEDUCT, page.url(), name, List.of()));
            }
        };
    }

    @Test
    void aCheckThatThrowsOnOnePageStillRunsOnTheOthersAndTheOtherChecksRunEverywhere() {
        PageCheckRunner runner = new PageCheckRunner(List.of(check("fragile", true), check("sturdy", false)), CONTEXT);
        List<Finding> a = runner.run(new SitePage("http://127.0.0.1/a.html", "<p>a</p>", 1));
        List<Finding> b = runner.run(new SitePage("http://127.0.0.1/b.html", "<p>b</p>", 1));
        List<Finding> c = runner.run(new SitePage("http://127.0.0.1/c.html", "<p>c</p>", 1));
        assertThat(a).extracting(Finding::kind).containsExactly("fragile.hit", "sturdy.hit");
        assertThat(b).extracting(Finding::kind).containsExactly("sturdy.hit");
        assertThat(c).hasSize(2);
        assertThat(runner.errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("fragile.errored");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("1 个页面").contains("boom");
        });
    }
}

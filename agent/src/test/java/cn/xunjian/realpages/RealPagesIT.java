package cn.xunjian.realpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trial of issue 10 on real government pages ({@code realpages/}, see its SOURCES.md), each served on 127.0.0.1
 * as published with its scripts, styles, frames and images unreachable, and judged against what reading the page
 * shows ({@code realpages/expectations.json}): no 单项否决 on a clean page, the injected spam vetoed, no footer
 * mark the page shows reported missing, a mark only a script or frame could show unverifiable (never missing), and
 * no personal data where the page shows none.
 */
class RealPagesIT {
    private static final List<Expectations.Page> PAGES = Expectations.load();
    private static final Map<String, List<Finding>> FINDINGS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;
    private static RealPageTrial trial;

    @BeforeAll
    static void start() {
        trial = new RealPageTrial(dir, PAGES.stream().map(Expectations.Page::name).toList());
    }

    @AfterAll
    static void stop() {
        trial.close();
    }

    static Stream<Expectations.Page> pages() {
        return PAGES.stream();
    }

    static Stream<Expectations.Page> clean() {
        return PAGES.stream().filter(Expectations.Page::clean);
    }

    static Stream<Expectations.Page> injected() {
        return PAGES.stream().filter(p -> !p.clean());
    }

    private static List<Finding> findings(Expectations.Page page) {
        return FINDINGS.computeIfAbsent(page.name(), name -> {
            try {
                return trial.findings(name);
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
        });
    }

    @Test
    void theCorpusHasAtLeastTwentyRealPagesAndSomeInjectedSpam() {
        assertThat(clean().count()).isGreaterThanOrEqualTo(20);
        assertThat(injected().count()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void aCleanRealPageIsNotVetoed(Expectations.Page page) {
        assertThat(findings(page)).filteredOn(f -> f.severity() == Severity.VETO)
                .extracting(f -> f.kind() + " " + f.message()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void ordinaryPageFurnitureOnACleanRealPageIsNotASuspectedDarkLink(Expectations.Page page) {
        assertThat(findings(page)).filteredOn(f -> f.kind().startsWith("darklink."))
                .extracting(f -> f.url() + " " + f.message()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injected")
    void everyInjectedSpamLinkIsVetoed(Expectations.Page page) {
        List<Finding> vetoes = findings(page).stream()
                .filter(f -> f.severity() == Severity.VETO && f.kind().startsWith("darklink.")).toList();
        assertThat(page.spamLinks()).isNotEmpty().allSatisfy(target -> assertThat(vetoes).as(target)
                .anyMatch(f -> f.url().contains(target)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noFooterMarkThePageShowsIsReportedMissing(Expectations.Page page) {
        assertThat(findings(page)).filteredOn(f -> page.marks().keySet().stream()
                .anyMatch(m -> f.kind().equals("footer." + m + ".missing"))).extracting(Finding::message).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void aMarkOnlyAnUnloadedScriptOrFrameShowsIsUnverifiableNeverMissing(Expectations.Page page) {
        List<Finding> findings = findings(page);
        for (String mark : page.unloaded()) {
            assertThat(findings).extracting(Finding::kind).as(mark).doesNotContain("footer." + mark + ".missing")
                    .contains("footer." + mark + ".unverified");
        }
        assertThat(findings).filteredOn(f -> f.kind().endsWith(".unverified"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void personalDataIsReportedOnlyWhereThePageShowsIt(Expectations.Page page) {
        assertThat(findings(page)).filteredOn(f -> f.indicator().equals("W-D6")).extracting(Finding::subject)
                .containsExactlyInAnyOrderElementsOf(page.personalData());
    }
}

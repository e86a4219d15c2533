package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xunjian.model.Finding;
import cn.xunjian.check.PageContext;
import cn.xunjian.check.Renderer;
import cn.xunjian.model.Severity;
import cn.xunjian.model.SitePage;
import cn.xunjian.testing.StaticAuditPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordingCheckTest {
    @TempDir
    Path dir;

    private final WordingCheck check = new WordingCheck();

    private static final String ARTICLE = TextFixtures.article("""
            <h1>我市召开扫黑险恶工作推进会</h1>
            <p class="info">发布时间：2026-11-20</p>
            <p>会议强调，要深入开展党史教育学习，再接再励，巩固成果。</p>
            <p>市国土资源局、市卫计委负责同志参加会议。</p>
            <script>var s = "中华人民共合国";</script>
            <input type="hidden" value="攻府">
            <div style="display: none">习近乎</div>
            """);

    private List<Finding> run(String url, String html, PageContext ctx) {
        return check.check(new SitePage(url, html, 1), ctx);
    }

    @Test
    void reportsEachKindOfErrorWithItsIndicatorSeverityAndKind() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::kind, Finding::indicator, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("wording.serious", "W-V1", Severity.VETO),
                org.assertj.core.groups.Tuple.tuple("wording.formulation", "W-V1", Severity.VETO),
                org.assertj.core.groups.Tuple.tuple("wording.typo", "W-D5", Severity.DEDUCT),
                org.assertj.core.groups.Tuple.tuple("wording.outdated-name", "W-D5", Severity.DEDUCT),
                org.assertj.core.groups.Tuple.tuple("wording.outdated-name", "W-D5", Severity.DEDUCT));
        assertThat(f).allSatisfy(x -> assertThat(x.url()).isEqualTo("http://127.0.0.1/a.html"));
        assertThat(check.name()).isEqualTo("wording");
        assertThat(check.indicator()).isEqualTo("W-V1");
    }

    @Test
    void theMessageNamesThePhraseItsCorrectionAndTheSentence() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::message).contains(
                "严重表述错误：“扫黑险恶”应为“扫黑除恶”。原句：“我市召开扫黑险恶工作推进会”",
                "错别字：“再接再励”应为“再接再厉”。原句：“会议强调，要深入开展党史教育学习，再接再励，巩固成果。”",
                "名称已过时：“国土资源局”（2019年3月起）应为“自然资源和规划局”。原句：“市国土资源局、市卫计委负责同志参加会议。”");
    }

    @Test
    void scriptsHiddenInputsAndHiddenElementsAreNotRead() {
        List<Finding> f = run("http://127.0.0.1/a.html", ARTICLE, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("共合国") || m.contains("攻府")
                || m.contains("习近乎"));
    }

    @Test
    void aLongSentenceIsTrimmedAroundThePhrase() {
        String longText = "这是一段很长的说明文字".repeat(12) + "秸杆综合利用" + "并且继续说明有关情况".repeat(12) + "。";
        Finding f = run("http://127.0.0.1/b.html", TextFixtures.article("<p>" + longText + "</p>"),
                TextFixtures.context(dir, TextFixtures.none())).get(0);
        String quoted = f.message().substring(f.message().indexOf("原句：“") + 4, f.message().length() - 1);
        assertThat(quoted).contains("秸杆综合利用").startsWith("…").endsWith("…");
        assertThat(quoted.length()).isLessThanOrEqualTo(82);
    }

    @Test
    void anArticlePublishedBeforeTheReformMayUseTheOldNames() {
        String html = TextFixtures.article("<p>发布日期：2017年5月4日</p><p>市国土资源局召开会议。</p>");
        assertThat(run("http://127.0.0.1/c.html", html, TextFixtures.context(dir, TextFixtures.none()))).isEmpty();
        assertThat(run("http://127.0.0.1/art/2017/5/4/t20170504_1.html",
                TextFixtures.article("<p>市国土资源局召开会议。</p>"), TextFixtures.context(dir, TextFixtures.none())))
                .isEmpty();
        assertThat(run("http://127.0.0.1/c.html", TextFixtures.article("<p>市国土资源局召开会议。</p>"),
                TextFixtures.context(dir, TextFixtures.none()))).hasSize(1);
    }

    @Test
    void aRuleFiringSeveralTimesOnAPageIsOneFindingWithACount() {
        String html = TextFixtures.article("<p>秸杆还田。</p><p>秸杆禁烧。</p><p>秸杆收储。</p>");
        List<Finding> f = run("http://127.0.0.1/d.html", html, TextFixtures.context(dir, TextFixtures.none()));
        assertThat(f).singleElement().extracting(Finding::message).asString().contains("（本页共3处）");
    }

    @Test
    void aSiteAllowListSilencesItsPhrasesOnlyOnThatSite() throws Exception {
        Path file = dir.resolve("wording-allow.json");
        Files.writeString(file, "{\"sites\": {\"3301850031\": [\"秸杆巷\"]}}", java.nio.charset.StandardCharsets.UTF_8);
        WordingCheck allowing = new WordingCheck(WordingRules.standard(), WordingAllowList.read(file));
        String html = TextFixtures.article("<p>秸杆巷社区开展活动。</p>");
        assertThat(allowing.check(new SitePage("http://127.0.0.1/e.html", html, 1),
                TextFixtures.context(dir.resolve("a"), TextFixtures.none()))).isEmpty();
        assertThat(allowing.check(new SitePage("http://127.0.0.1/e.html", html, 1),
                TextFixtures.context(dir.resolve("b"), TextFixtures.none(), "3301000000"))).hasSize(1);
        assertThat(WordingAllowList.standard().sites()).isEmpty();
    }

    @Test
    void theHighlightedScreenshotIsEvidenceAndOnePhraseIsShotOncePerSite() {
        List<String> rendered = new ArrayList<>();
        Renderer renderer = url -> {
            rendered.add(url);
            return Optional.of(new StaticAuditPage(url, TextFixtures.article("<p>秸杆还田。</p>")));
        };
        PageContext ctx = TextFixtures.context(dir, renderer);
        String html = TextFixtures.article("<p>秸杆还田。</p>");
        Finding first = run("http://127.0.0.1/1.html", html, ctx).get(0);
        Finding second = run("http://127.0.0.1/2.html", html, ctx).get(0);
        assertThat(first.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("screenshot");
            assertThat(dir.resolve(e.path())).exists();
        });
        assertThat(second.evidence()).isEqualTo(first.evidence());
        assertThat(rendered).containsExactly("http://127.0.0.1/1.html");
    }

    @Test
    void screenshotsStopAtTheSiteBudgetButFindingsGoOn() {
        WordingRules base = WordingRules.standard();
        WordingRules tight = new WordingRules(base.version(), 2, base.sentenceChars(), base.history(),
                base.publishDate(), base.rules());
        WordingCheck budgeted = new WordingCheck(tight, WordingAllowList.empty());
        List<String> rendered = new ArrayList<>();
        Renderer renderer = url -> {
            rendered.add(url);
            return Optional.of(new StaticAuditPage(url, TextFixtures.article("<p>秸杆、车箱、成份、惟一</p>")));
        };
        PageContext ctx = TextFixtures.context(dir, renderer);
        List<Finding> f = budgeted.check(new SitePage("http://127.0.0.1/x.html",
                TextFixtures.article("<p>秸杆、车箱、成份、惟一</p>"), 1), ctx);
        assertThat(f).hasSize(4);
        assertThat(f.stream().filter(x -> !x.evidence().isEmpty())).hasSize(2);
        assertThat(rendered).hasSize(2);
    }

    @Test
    void aPageThatDoesNotRenderStillGetsItsFindingWithoutEvidence() {
        Finding f = run("http://127.0.0.1/f.html", TextFixtures.article("<p>秸杆还田。</p>"),
                TextFixtures.context(dir, TextFixtures.none())).get(0);
        assertThat(f.evidence()).isEmpty();
        assertThat(Map.of("kind", f.kind())).containsEntry("kind", "wording.typo");
    }
}

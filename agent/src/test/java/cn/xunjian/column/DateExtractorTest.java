package cn.xunjian.column;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateExtractorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final DateExtractor dates = new DateExtractor(ColumnRules.standard(), CLOCK);

    @Test
    void readsIsoDatesWithDashes() {
        assertThat(dates.fromListText("发布 2026-11-03")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsChineseDatesWithoutLeadingZeros() {
        assertThat(dates.fromListText("2026年11月3日")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsSlashedDates() {
        assertThat(dates.fromListText("(2026/11/03)")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsDottedDates() {
        assertThat(dates.fromListText("2026.11.03")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsCompactDates() {
        assertThat(dates.fromListText("20261103")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsYearlessListDatesAsThisYear() {
        assertThat(dates.fromListText("[11-03]")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void takesAYearlessDateInALaterMonthAsLastYear() {
        assertThat(dates.fromListText("[12-15]")).contains(LocalDate.of(2025, 12, 15));
    }

    @Test
    void readsTheTDateOfCmsUrls() {
        assertThat(dates.fromUrl("http://www.example.gov.cn/art/t20261103_4512.html")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsYearSlashMonthDayUrls() {
        assertThat(dates.fromUrl("http://www.example.gov.cn/art/2026/1103/art_1_1.html")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsYearMonthSlashDayUrls() {
        assertThat(dates.fromUrl("http://www.example.gov.cn/xwzx/202611/03/t_1.html")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void readsDemoStyleUrlsWithASerialAfterTheDay() {
        assertThat(dates.fromUrl("http://127.0.0.1:8080/xwzx/2026/1120-1.html")).contains(LocalDate.of(2026, 11, 20));
    }

    @Test
    void findsNoDateInAUrlWithoutOne() {
        assertThat(dates.fromUrl("http://www.example.gov.cn/xwzx/index.html")).isEmpty();
    }

    @Test
    void ignoresDatesMoreThanADayInTheFuture() {
        assertThat(dates.fromListText("2026-11-25")).isEmpty();
        assertThat(dates.fromListText("2026-11-24")).contains(LocalDate.of(2026, 11, 24));
    }

    @Test
    void ignoresDatesBefore1990() {
        assertThat(dates.fromListText("1989-06-01")).isEmpty();
    }

    @Test
    void ignoresImpossibleCalendarDates() {
        assertThat(dates.fromListText("2026-02-30")).isEmpty();
    }

    @Test
    void readsThePubDateMetaOfADetailPage() {
        String html = "<html><head><meta name=\"PubDate\" content=\"2026-10-20 09:30\"></head>"
                + "<body>发布时间：2026-10-21</body></html>";
        assertThat(dates.fromDetailPage(html)).contains(LocalDate.of(2026, 10, 20));
    }

    @Test
    void readsTheFirstPublishedTimeMetaCaseInsensitively() {
        String html = "<html><head><meta name=\"firstpublishedtime\" content=\"2026-09-01-08:00:00\"></head></html>";
        assertThat(dates.fromDetailPage(html)).contains(LocalDate.of(2026, 9, 1));
    }

    @Test
    void readsThePublicationLabelOfADetailPageWithoutMeta() {
        String html = "<html><body><h1>标题</h1><p>发布时间：2026年10月8日 来源：县政府办</p></body></html>";
        assertThat(dates.fromDetailPage(html)).contains(LocalDate.of(2026, 10, 8));
    }

    @Test
    void readsAPlainTimeLabel() {
        String html = "<html><body><p>时间: 2026/10/09 浏览次数: 12</p></body></html>";
        assertThat(dates.fromDetailPage(html)).contains(LocalDate.of(2026, 10, 9));
    }
}

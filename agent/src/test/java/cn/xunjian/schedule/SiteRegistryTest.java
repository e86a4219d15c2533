package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xunjian.site.SiteFileException;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import cn.xunjian.store.jdbc.Migrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site files and the console's sites over a real H2 database, opened again as a restarted node would. */
class SiteRegistryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private ScheduledSite portal;

    @BeforeEach
    void open() throws IOException {
        db = database();
        new Migrations(db.dataSource(), db.dialect()).migrate();
        Path file = dir.resolve("portal.json");
        Files.writeString(file, "{ \"name\": \"临江县人民政府\", \"siteCode\": \"3301850031\", "
                + "\"url\": \"https://www.linjiang.gov.cn/\" }", StandardCharsets.UTF_8);
        portal = ScheduledSite.of(file, new SiteFileLoader().load(file));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Database database() {
        return Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "", 4);
    }

    private SiteRegistry registry(Database on) {
        return new SiteRegistry(List.of(portal), new JdbcSiteStore(on.dataSource()));
    }

    @Test
    void aSiteAddedInTheConsoleIsListedAfterTheSiteFilesAndIsThereForANewRegistryOnTheSameDatabase() {
        ScheduledSite saved = registry(db).save(null, "{ \"name\": \"临江县教育局\", \"siteCode\": \"3301850052\", "
                + "\"url\": \"https://jyj.linjiang.gov.cn/\", \"maxPages\": 500 }", "控制台网站“临江县教育局”", "root",
                "127.0.0.1", T0);

        assertThat(saved.origin()).isEqualTo(ScheduledSite.Origin.CONSOLE);
        assertThat(saved.file()).isNull();
        assertThat(saved.key()).isEqualTo(ScheduledSite.keyOf("https://jyj.linjiang.gov.cn/"));
        db.close();
        db = database();
        SiteRegistry again = registry(db);
        assertThat(again.all()).extracting(s -> s.site().name()).containsExactly("临江县人民政府", "临江县教育局");
        assertThat(again.byKey(saved.key())).hasValueSatisfying(s -> assertThat(s.site().maxPages()).isEqualTo(500));
        assertThat(again.byUrl("https://jyj.linjiang.gov.cn/")).isPresent();
        assertThat(again.stored(saved.key())).hasValueSatisfying(r -> {
            assertThat(r.createdBy()).isEqualTo("root");
            assertThat(r.createdAt()).isEqualTo(T0);
            assertThat(r.updatedFrom()).isEqualTo("127.0.0.1");
            assertThat(r.sourceFile()).isNull();
        });
    }

    @Test
    void editingASiteFilesSiteStoresAnOverrideUnderItsKeyAndLeavesTheFileAlone() throws IOException {
        String before = Files.readString(portal.file(), StandardCharsets.UTF_8);
        SiteRegistry r = registry(db);
        ScheduledSite edited = r.save(portal.key(), "{ \"name\": \"临江县人民政府门户网站\", \"siteCode\": \"3301850031\", "
                + "\"url\": \"https://www.linjiang.gov.cn/\", \"kind\": \"portal\" }", "x", "root", "127.0.0.1",
                T0.plusSeconds(60));

        assertThat(edited.key()).isEqualTo(portal.key());
        assertThat(edited.origin()).isEqualTo(ScheduledSite.Origin.OVERRIDDEN);
        assertThat(edited.file()).isEqualTo(portal.file());
        assertThat(r.all()).singleElement().satisfies(s -> assertThat(s.site().name()).isEqualTo("临江县人民政府门户网站"));
        assertThat(Files.readString(portal.file(), StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(r.stored(portal.key())).hasValueSatisfying(s ->
                assertThat(s.sourceFile()).isEqualTo(portal.file().toString()));

        r.save(portal.key(), "{ \"name\": \"临江县人民政府\", \"url\": \"https://www.linjiang.gov.cn/\" }", "x", "li",
                "10.0.0.9", T0.plusSeconds(120));
        assertThat(r.stored(portal.key())).hasValueSatisfying(s -> {
            assertThat(s.createdBy()).as("who added the override stays").isEqualTo("root");
            assertThat(s.updatedBy()).isEqualTo("li");
            assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(120));
        });
    }

    @Test
    void aDuplicateUrlOrSiteCodeOrAnInvalidSiteIsRefusedWithItsFieldAndNothingIsStored() {
        SiteRegistry r = registry(db);
        assertThatThrownBy(() -> r.save(null, "{\n  \"name\": \"重复\",\n  \"url\": \"https://www.linjiang.gov.cn/\"\n}",
                "控制台网站“重复”", "root", "127.0.0.1", T0))
                .isInstanceOfSatisfying(SiteFileException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.problem()).isEqualTo("与已有网站“临江县人民政府”的首页地址重复");
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> r.save(null, "{ \"name\": \"重复\", \"siteCode\": \"3301850031\", "
                + "\"url\": \"https://other.linjiang.gov.cn/\" }", "x", "root", "127.0.0.1", T0))
                .isInstanceOfSatisfying(SiteFileException.class, e -> assertThat(e.field()).isEqualTo("siteCode"));
        assertThatThrownBy(() -> r.save(null, "{ \"name\": \"无效\", \"url\": \"linjiang.gov.cn\" }", "x", "root",
                "127.0.0.1", T0))
                .isInstanceOfSatisfying(SiteFileException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.problem()).startsWith("应为 http:// 或 https:// 开头的网址");
                });
        assertThat(new JdbcSiteStore(db.dataSource()).all()).isEmpty();
        assertThat(r.all()).containsExactly(portal);
    }

    @Test
    void aStoredTextThatNoLongerValidatesIsLeftOutAndTheSiteFileAppliesAgain() {
        JdbcSiteStore store = new JdbcSiteStore(db.dataSource());
        store.save(portal.key(), "{ \"name\": \"坏\", \"url\": \"nope\" }", portal.file().toString(), "root", "x", T0);
        store.save("abcdefabcdef", "{ \"name\": \"坏\" }", null, "root", "x", T0);

        assertThat(registry(db).all()).containsExactly(portal);
    }
}

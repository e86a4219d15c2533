package cn.xunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add|passwd|token|list} against the schedule's (H2) database. */
class UserCommandTest {
    @TempDir
    Path dir;
    private StringWriter out;
    private StringWriter err;
    private Path schedule;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"临江县人民政府\", \"siteCode\": \"3301850031\", "
                + "\"url\": \"http://127.0.0.1:9/\" }", StandardCharsets.UTF_8);
        schedule = dir.resolve("schedule.json");
        Files.writeString(schedule, "{ \"sites\": [\"site.json\"], \"outputDir\": \"out\", \"loopbackOnly\": true }",
                StandardCharsets.UTF_8);
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err));
    }

    @Test
    void anAdminAndAnOperatorAreCreatedFromStandardInputAndListed() {
        assertThat(run("管理员的长密码123\n", "user", "add", schedule.toString(), "admin", "--role", "admin",
                "--password-stdin")).isEqualTo(0);
        assertThat(out.toString()).contains("已创建管理员账号 admin");
        assertThat(run("operator-password\n", "user", "add", schedule.toString(), "linjiang", "--role", "operator",
                "--site", "3301850031", "--password-stdin")).isEqualTo(0);

        assertThat(run("", "user", "list", schedule.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("admin\tadmin\t管理员").contains("linjiang\toperator\t网站主办单位\t3301850031");
        assertThat(out.toString()).doesNotContain("长密码");
    }

    @Test
    void aTokenIsPrintedOnceAndAPasswordCanBeReset() {
        run("first-password-1\n", "user", "add", schedule.toString(), "zhang", "--role", "inspector", "--password-stdin");

        assertThat(run("", "user", "token", schedule.toString(), "zhang")).isEqualTo(0);
        assertThat(out.toString().strip()).matches("[A-Za-z0-9_-]{43}");
        assertThat(run("second-password-2\n", "user", "passwd", schedule.toString(), "zhang", "--password-stdin"))
                .isEqualTo(0);
        assertThat(run("", "user", "token", schedule.toString(), "nobody")).isEqualTo(2);
        assertThat(err.toString()).contains("用户 nobody 不存在");
    }

    @Test
    void anOperatorMayBeGivenASiteThatWasAddedInTheConsole() {
        var loaded = cn.xunjian.schedule.ScheduleLoader.standard().load(schedule);
        var c = loaded.database();
        try (var db = cn.xunjian.store.jdbc.Database.open(c.url(), c.user(), c.password(), 2)) {
            new cn.xunjian.store.jdbc.Migrations(db.dataSource(), db.dialect()).migrate();
            new cn.xunjian.store.jdbc.JdbcSiteStore(db.dataSource()).save("0123456789ab", "{ \"name\": \"临江县教育局\", "
                    + "\"siteCode\": \"3301850052\", \"url\": \"http://127.0.0.1:9/edu/\" }", null, "root", "127.0.0.1",
                    java.time.Instant.parse("2026-12-01T00:00:00Z"));
        }

        assertThat(run("operator-password\n", "user", "add", schedule.toString(), "edu", "--role", "operator",
                "--site", "3301850052", "--password-stdin")).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("负责网站：3301850052");
    }

    @Test
    void badInputExitsTwoWithAChineseMessage() {
        assertThat(run("long-enough-password\n", "user", "add", schedule.toString(), "x", "--role", "root",
                "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("--role 取值应为 admin、inspector 或 operator");
        assertThat(run("long-enough-password\n", "user", "add", schedule.toString(), "x", "--role", "operator",
                "--site", "3301850099", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("不是计划文件或控制台中任何站点的标识码");
        assertThat(run("long-enough-password\n", "user", "add", schedule.toString(), "x", "--role", "operator",
                "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("至少要用 --site");
        assertThat(run("short\n", "user", "add", schedule.toString(), "x", "--role", "admin", "--password-stdin"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("密码至少 10 个字符");
        run("long-enough-password\n", "user", "add", schedule.toString(), "x", "--role", "admin", "--password-stdin");
        assertThat(run("long-enough-password\n", "user", "add", schedule.toString(), "x", "--role", "admin",
                "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("用户 x 已存在");
    }
}

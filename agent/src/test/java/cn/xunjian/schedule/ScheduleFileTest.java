package cn.xunjian.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xunjian.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFileTest {
    @TempDir
    Path dir;

    @BeforeEach
    void siteFile() throws IOException {
        Files.writeString(dir.resolve("site.json"), "{ \"name\": \"测试站\", \"url\": \"http://127.0.0.1:9/\" }",
                StandardCharsets.UTF_8);
    }

    @Test
    void aMinimalFileTakesTheDocumentedDefaults() throws IOException {
        Schedule s = load("{ \"sites\": [\"site.json\"] }");

        assertThat(s.sites()).containsExactly(dir.resolve("site.json"));
        assertThat(s.probes().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(s.probes().browserInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(s.probes().timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.auditCron()).isEqualTo("0 0 2 * * ?");
        assertThat(s.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(s.retention().days()).isEqualTo(90);
        assertThat(s.database().url()).startsWith("jdbc:h2:file:").contains(dir.resolve("out").toString())
                .endsWith(";AUTO_SERVER=TRUE");
        assertThat(s.cluster().instanceId()).isEqualTo("AUTO");
        assertThat(s.console()).isEqualTo(new Schedule.Console("127.0.0.1", 8080, false));
    }

    @Test
    void theConsoleListensWhereTheFileSaysAndAMalformedAddressNamesItsField() throws IOException {
        Schedule s = load("{ \"sites\": [\"site.json\"], \"console\": { \"listen\": \"0.0.0.0:9090\", "
                + "\"reviewBeforePublish\": true } }");
        assertThat(s.console()).isEqualTo(new Schedule.Console("0.0.0.0", 9090, true));

        ScheduleFileException e = fail("{ \"sites\": [\"site.json\"],\n \"console\": {\n \"listen\": \"localhost\" } }");
        assertThat(e.field()).isEqualTo("console.listen");
        assertThat(e.line()).isEqualTo(3);
        assertThat(fail("{ \"sites\": [\"site.json\"], \"console\": { \"listen\": \"127.0.0.1:70000\" } }").field())
                .isEqualTo("console.listen");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"console\": { \"port\": 1 } }").field())
                .isEqualTo("console.port");
    }

    @Test
    void everySettingCanBeGivenAndAlertsArePassedOn() throws IOException {
        Schedule s = load("""
                { "sites": ["site.json"],
                  "probes": { "everySeconds": 5, "browserPerDay": 0, "timeoutSeconds": 2 },
                  "audit": { "cron": "0 30 1 * * ?" },
                  "database": { "url": "jdbc:postgresql://127.0.0.1:5432/xunjian", "user": "x", "password": "p" },
                  "outputDir": "runs",
                  "alerts": [ { "type": "dingtalk", "url": "http://127.0.0.1:1/robot" } ],
                  "cluster": { "instanceId": "node-a", "checkinIntervalMillis": 1000 } }
                """);

        assertThat(s.probes().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.probes().browserInterval()).isNull();
        assertThat(s.outputDir()).isEqualTo(dir.resolve("runs"));
        assertThat(s.alerts()).containsExactly(new Schedule.AlertTarget("dingtalk", "http://127.0.0.1:1/robot", null));
        assertThat(s.database().toString()).doesNotContain("p]");
        assertThat(s.cluster().checkinInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void evidenceTsaGivesTheRunsATimestampServiceWhoseCredentialsStayOutOfItsText() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("tsa-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Schedule s = load("""
                { "sites": ["site.json"],
                  "evidence": { "keyAlgorithm": "sm2",
                    "tsa": { "url": "http://127.0.0.1:3180/tsa", "user": "inspector", "password": "s3cret",
                             "caCert": "tsa-ca.pem" } } }
                """);
        assertThat(s.evidence().algorithm()).isEqualTo(cn.xunjian.evidence.KeyAlgorithm.SM2);
        assertThat(s.evidence().tsa().url()).isEqualTo("http://127.0.0.1:3180/tsa");
        assertThat(s.evidence().tsa().password()).isEqualTo("s3cret");
        assertThat(s.evidence().tsa().caCert()).isEqualTo(dir.resolve("tsa-ca.pem"));
        assertThat(s.evidence().toString()).doesNotContain("s3cret").doesNotContain("inspector");
        assertThat(load("{ \"sites\": [\"site.json\"] }").evidence().tsa()).isNull();
    }

    @Test
    void aTsaUrlWithCredentialsInItIsRefusedSoTheyCannotReachLogsOrReports() {
        ScheduleFileException e = fail("{ \"sites\": [\"site.json\"],\n \"evidence\": { \"tsa\": {"
                + " \"url\": \"http://inspector:s3cret@127.0.0.1:1/tsa\" } } }");
        assertThat(e.field()).isEqualTo("evidence.tsa.url");
        assertThat(e.getMessage()).contains("不能含账号密码").doesNotContain("s3cret");
    }

    @Test
    void aTsaCaCertificateThatIsNotThereNamesTheField() {
        ScheduleFileException e = fail("{ \"sites\": [\"site.json\"],\n \"evidence\": { \"tsa\": {"
                + " \"url\": \"http://127.0.0.1:1/tsa\", \"caCert\": \"nope.pem\" } } }");
        assertThat(e.field()).isEqualTo("evidence.tsa.caCert");
        assertThat(e.getMessage()).contains("nope.pem");
    }

    @Test
    void aBadCronNamesTheFieldAndItsLine() {
        ScheduleFileException e = fail("{\n  \"sites\": [\"site.json\"],\n  \"audit\": {\n    \"cron\": \"0 0 25 * * ?\"\n  }\n}");
        assertThat(e.field()).isEqualTo("audit.cron");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("cron");
    }

    @Test
    void anotherTimeZoneIsRejected() {
        ScheduleFileException e = fail("{ \"sites\": [\"site.json\"],\n \"timeZone\": \"UTC\" }");
        assertThat(e.field()).isEqualTo("timeZone");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void aMissingSiteFileNamesItsIndex() {
        ScheduleFileException e = fail("{ \"sites\": [\n \"site.json\",\n \"nope.json\"\n] }");
        assertThat(e.field()).isEqualTo("sites[1]");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreErrors() {
        assertThat(fail("{ \"sites\": [\"site.json\"], \"probes\": { \"perHour\": 3 } }").field()).isEqualTo("probes.perHour");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"threads\": \"many\" }").field()).isEqualTo("threads");
        assertThat(fail("{ \"sites\": [\"site.json\"], ").field()).isEqualTo("(JSON)");
        assertThat(fail("{ }").field()).isEqualTo("sites");
    }

    @Test
    void badValuesNameTheirField() {
        assertThat(fail("{ \"sites\": [\"site.json\"], \"probes\": { \"perDay\": 0 } }").field()).isEqualTo("probes.perDay");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"probes\": { \"perDay\": 2, \"everySeconds\": 3 } }").field())
                .isEqualTo("probes.everySeconds");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"database\": { \"url\": \"jdbc:mysql://x/y\" } }").field())
                .isEqualTo("database.url");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"alerts\": [ { \"type\": \"slack\", \"url\": \"http://a/\" } ] }")
                .field()).isEqualTo("alerts[0].type");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"alerts\": [ { \"type\": \"json\", \"url\": \"ftp://a/\" } ] }")
                .field()).isEqualTo("alerts[0].url");
        assertThat(fail("{ \"sites\": [\"site.json\"], \"retention\": { \"days\": 0 } }").field()).isEqualTo("retention.days");
    }

    @Test
    void aProxyInTheFileCarriesEveryRequestAndABadOneNamesItsLine() throws IOException {
        Schedule s = load("{ \"sites\": [\"site.json\"], \"proxy\": \"http://inspector:pa55@127.0.0.1:3128\" }");
        assertThat(s.proxies().http().server()).isEqualTo("http://127.0.0.1:3128");
        assertThat(s.proxies().https().user()).isEqualTo("inspector");
        assertThat(s.proxies().toString()).doesNotContain("pa55");
        ScheduleFileException e = fail("{ \"sites\": [\"site.json\"],\n \"proxy\": \"socks5://u:pa55@127.0.0.1:1080\" }");
        assertThat(e.field()).isEqualTo("proxy");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).doesNotContain("pa55");
    }

    @Test
    void anNtpServerForTheClockOffsetIsTakenAndABlankOneNamesItsField() throws IOException {
        Schedule s = load("{ \"sites\": [\"site.json\"], \"evidence\": { \"ntp\": \"127.0.0.1:123\" } }");
        assertThat(s.evidence().ntp()).isEqualTo("127.0.0.1:123");
        assertThat(fail("{ \"sites\": [\"site.json\"],\n \"evidence\": { \"ntp\": \" \" } }").field())
                .isEqualTo("evidence.ntp");
    }

    @Test
    void serveAndStatusExitWithCode2AndNameTheField() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ \"sites\": [\"site.json\"],\n  \"followUp\": { \"cron\": \"every day\" } }",
                StandardCharsets.UTF_8);
        for (String command : new String[] {"serve", "status"}) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {command, file.toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("followUp.cron").contains("第 2 行").contains(file.toString());
        }
    }

    private Schedule load(String json) throws IOException {
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new ScheduleLoader(dir.resolve("out")).load(file);
    }

    private ScheduleFileException fail(String json) {
        return catchThrowableOfType(ScheduleFileException.class, () -> load(json));
    }
}

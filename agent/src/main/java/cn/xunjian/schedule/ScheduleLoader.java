package cn.xunjian.schedule;

import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.evidence.KeyAlgorithm;
import cn.xunjian.evidence.TsaConfig;
import cn.xunjian.internal.Json;
import cn.xunjian.internal.JsonFieldLines;
import cn.xunjian.internal.RuleFiles;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.schedule.ScheduleJson.AlertJson;
import cn.xunjian.store.jdbc.Dialect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * Reads and validates a schedule file (see {@code docs/schedule.md}); every problem becomes a
 * {@link ScheduleFileException} naming file, field and line. Missing settings take the values of
 * {@code cn/xunjian/schedule/defaults.json}.
 */
public final class ScheduleLoader {
    /** The only zone schedules run in; cron expressions are read in it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> ALERT_TYPES = Set.of("dingtalk", "wecom", "json");
    private static final double SECONDS_PER_DAY = 86_400;

    private final ObjectMapper mapper = Json.mapper();
    private final Path defaultOutput;

    /** @param defaultOutput the output dir when the file names none */
    public ScheduleLoader(Path defaultOutput) {
        this.defaultOutput = defaultOutput;
    }

    /** Output under {@code $XUNJIAN_HOME/screenshots/serve}, or {@code screenshots/serve} without it. */
    public static ScheduleLoader standard() {
        String home = System.getenv("XUNJIAN_HOME");
        Path base = home == null || home.isBlank() ? Path.of("screenshots") : Path.of(home, "screenshots");
        return new ScheduleLoader(base.resolve("serve"));
    }

    public Schedule load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScheduleFileException(file, "(文件)", 0, "文件不存在");
        } catch (IOException e) {
            throw new ScheduleFileException(file, "(文件)", 0, "无法读取：" + e.getMessage());
        }
        Map<String, Integer> lines;
        ScheduleJson json;
        try {
            lines = JsonFieldLines.of(mapper, text);
            json = mapper.readValue(text, ScheduleJson.class);
        } catch (JsonProcessingException e) {
            JsonFieldLines.Problem p = JsonFieldLines.problem(e, lines(file, text));
            throw new ScheduleFileException(file, p.field(), p.line(), p.message());
        } catch (IOException e) {
            throw new ScheduleFileException(file, "(文件)", 0, "无法读取：" + e.getMessage());
        }
        if (json == null) {
            throw new ScheduleFileException(file, "(JSON)", 1, "文件为空");
        }
        return new Validation(file, lines, json, defaults()).schedule();
    }

    private final class Validation {
        private final Path file;
        private final Map<String, Integer> lines;
        private final ScheduleJson json;
        private final ScheduleJson defaults;

        Validation(Path file, Map<String, Integer> lines, ScheduleJson json, ScheduleJson defaults) {
            this.file = file;
            this.lines = lines;
            this.json = json;
            this.defaults = defaults;
        }

        Schedule schedule() {
            Path base = file.toAbsolutePath().getParent();
            List<Path> sites = sites(base);
            Schedule.Probes probes = probes();
            String audit = cron("audit.cron", pick(json.audit(), defaults.audit(), ScheduleJson.CronJson::cron));
            String circular = cron("circular.cron", pick(json.circular(), defaults.circular(), ScheduleJson.CronJson::cron));
            String followUp = cron("followUp.cron", pick(json.followUp(), defaults.followUp(), ScheduleJson.CronJson::cron));
            Integer days = pick(json.retention(), defaults.retention(), ScheduleJson.RetentionJson::days);
            if (days == null || days < 1) {
                fail("retention.days", "保留天数应为正整数");
            }
            String retentionCron = cron("retention.cron",
                    pick(json.retention(), defaults.retention(), ScheduleJson.RetentionJson::cron));
            String zone = json.timeZone() == null ? defaults.timeZone() : json.timeZone();
            if (!ZONE.getId().equals(zone)) {
                fail("timeZone", "只支持 Asia/Shanghai（巡检按北京时间计），实际为 \"" + zone + "\"");
            }
            Path output = json.outputDir() == null ? defaultOutput.toAbsolutePath().normalize()
                    : base.resolve(json.outputDir()).normalize();
            Schedule.DatabaseConfig db = database(output);
            int threads = json.threads() == null ? defaults.threads() : json.threads();
            if (threads < 1 || threads > 100) {
                fail("threads", "线程数应在 1 到 100 之间");
            }
            int audits = json.auditsAtOnce() == null ? defaults.auditsAtOnce() : json.auditsAtOnce();
            if (audits < 1 || audits > 16) {
                fail("auditsAtOnce", "同时进行的巡检数应在 1 到 16 之间");
            }
            String instanceId = pick(json.cluster(), defaults.cluster(), ScheduleJson.ClusterJson::instanceId);
            Integer checkin = pick(json.cluster(), defaults.cluster(), ScheduleJson.ClusterJson::checkinIntervalMillis);
            if (instanceId == null || instanceId.isBlank()) {
                fail("cluster.instanceId", "不能为空（用 AUTO 自动生成）");
            }
            if (checkin == null || checkin < 500) {
                fail("cluster.checkinIntervalMillis", "应不小于 500 毫秒");
            }
            boolean loopback = json.loopbackOnly() == null ? defaults.loopbackOnly() : json.loopbackOnly();
            return new Schedule(file, sites, probes, audit, circular, followUp, new Schedule.Retention(days, retentionCron),
                    ZONE, db, output, alerts(), new Schedule.Cluster(instanceId, Duration.ofMillis(checkin)), threads, audits,
                    loopback, proxies(json.proxy() != null ? json.proxy() : defaults.proxy()), console(), evidence(base));
        }

        private ProxySettings proxies(String proxy) {
            try {
                ProxySettings fromEnvironment = ProxySettings.fromEnvironment(System.getenv());
                return proxy == null ? fromEnvironment : fromEnvironment.withProxy(proxy, System.getenv());
            } catch (IllegalArgumentException e) {
                fail(proxy == null ? "proxy（环境变量 HTTP_PROXY / HTTPS_PROXY）" : "proxy", e.getMessage());
                return ProxySettings.NONE;
            }
        }

        private Schedule.Console console() {
            String listen = pick(json.console(), defaults.console(), ScheduleJson.ConsoleJson::listen);
            Boolean review = pick(json.console(), defaults.console(), ScheduleJson.ConsoleJson::reviewBeforePublish);
            int colon = listen == null ? -1 : listen.lastIndexOf(':');
            if (colon <= 0) {
                fail("console.listen", "应为“地址:端口”，例如 127.0.0.1:8080，实际为 \"" + listen + "\"");
            }
            String host = listen.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = -1;
            try {
                port = Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (port < 0 || port > 65535) {
                fail("console.listen", "端口应为 0 到 65535 之间的整数，实际为 \"" + listen.substring(colon + 1) + "\"");
            }
            if (host.isBlank() || !host.matches("[A-Za-z0-9.:-]+")) {
                fail("console.listen", "地址无效：\"" + host + "\"");
            }
            return new Schedule.Console(host, port, review != null && review);
        }

        private EvidenceSettings evidence(Path base) {
            EvidenceSettings s = EvidenceSettings.standard();
            if (json.evidence() == null) {
                return s;
            }
            if (json.evidence().keyAlgorithm() != null) {
                try {
                    s = new EvidenceSettings(s.keyDir(), KeyAlgorithm.parse(json.evidence().keyAlgorithm()), null);
                } catch (IllegalArgumentException e) {
                    fail("evidence.keyAlgorithm", e.getMessage());
                }
            }
            if (json.evidence().ntp() != null) {
                if (json.evidence().ntp().isBlank()) {
                    fail("evidence.ntp", "应为 NTP 服务器的“主机”或“主机:端口”");
                }
                s = s.withNtp(json.evidence().ntp());
            }
            ScheduleJson.TsaJson tsa = json.evidence().tsa();
            if (tsa == null) {
                return s;
            }
            if (tsa.url() == null) {
                fail("evidence.tsa.url", "必填");
            }
            TsaConfig.problemWith(tsa.url()).ifPresent(p -> fail("evidence.tsa.url", p));
            Path ca = null;
            if (tsa.caCert() != null) {
                ca = base.resolve(tsa.caCert()).normalize();
                if (!Files.isRegularFile(ca)) {
                    fail("evidence.tsa.caCert", "文件 " + ca + " 不存在");
                }
            }
            return s.withTsa(new TsaConfig(tsa.url(), tsa.user(), tsa.password(), ca, null));
        }

        private List<Path> sites(Path base) {
            if (json.sites() == null || json.sites().isEmpty()) {
                fail("sites", "必填，至少列出一个站点文件");
            }
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < json.sites().size(); i++) {
                String s = json.sites().get(i);
                String field = "sites[" + i + "]";
                if (s == null || s.isBlank()) {
                    fail(field, "站点文件路径不能为空");
                }
                Path p = base.resolve(s).normalize();
                if (!Files.isRegularFile(p)) {
                    fail(field, "站点文件不存在：" + p);
                }
                if (out.contains(p)) {
                    fail(field, "站点文件重复：" + s);
                }
                out.add(p);
            }
            return out;
        }

        private Schedule.Probes probes() {
            ScheduleJson.ProbesJson p = json.probes();
            ScheduleJson.ProbesJson d = defaults.probes();
            Duration interval = interval("probes", p == null ? null : p.perDay(), p == null ? null : p.everySeconds(),
                    d.perDay(), "perDay", "everySeconds");
            Duration browser = null;
            Double browserPerDay = p == null ? null : p.browserPerDay();
            Integer browserEvery = p == null ? null : p.browserEverySeconds();
            boolean disabled = (browserPerDay != null && browserPerDay == 0) || (browserEvery != null && browserEvery == 0);
            if (!disabled) {
                browser = interval("probes", browserPerDay, browserEvery, d.browserPerDay(), "browserPerDay",
                        "browserEverySeconds");
            }
            Integer timeout = p == null || p.timeoutSeconds() == null ? d.timeoutSeconds() : p.timeoutSeconds();
            if (timeout < 1 || timeout > 300) {
                fail("probes.timeoutSeconds", "应在 1 到 300 秒之间");
            }
            return new Schedule.Probes(interval, browser, Duration.ofSeconds(timeout));
        }

        private Duration interval(String group, Double perDay, Integer everySeconds, Double defaultPerDay,
                                  String perDayName, String everyName) {
            if (perDay != null && everySeconds != null) {
                fail(group + "." + everyName, "不能与 " + perDayName + " 同时给出");
            }
            if (everySeconds != null) {
                if (everySeconds < 1) {
                    fail(group + "." + everyName, "应为正整数（秒）");
                }
                return Duration.ofSeconds(everySeconds);
            }
            double n = perDay == null ? defaultPerDay : perDay;
            if (!(n > 0) || n > SECONDS_PER_DAY) {
                fail(group + "." + perDayName, "每天次数应大于 0 且不超过 86400，实际为 " + n);
            }
            return Duration.ofMillis(Math.round(SECONDS_PER_DAY * 1000 / n));
        }

        private String cron(String field, String expr) {
            try {
                new CronExpression(expr);
            } catch (ParseException | RuntimeException e) {
                fail(field, "不是有效的 Quartz cron 表达式（秒 分 时 日 月 周 [年]）：\"" + expr + "\"，" + e.getMessage());
            }
            return expr;
        }

        private Schedule.DatabaseConfig database(Path output) {
            ScheduleJson.DatabaseJson db = json.database();
            if (db == null || db.url() == null) {
                String url = "jdbc:h2:file:" + output.resolve("xunjian-db").toString().replace('\\', '/')
                        + ";AUTO_SERVER=TRUE";
                return new Schedule.DatabaseConfig(url, "sa", "");
            }
            if (Dialect.of(db.url()).isEmpty()) {
                fail("database.url", "只支持 jdbc:h2: 和 jdbc:postgresql: 开头的 JDBC 地址");
            }
            String password = db.password();
            if (password == null) {
                String env = System.getenv("XUNJIAN_DB_PASSWORD");
                password = env == null ? "" : env;
            }
            return new Schedule.DatabaseConfig(db.url(), db.user() == null ? "" : db.user(), password);
        }

        private List<Schedule.AlertTarget> alerts() {
            List<Schedule.AlertTarget> out = new ArrayList<>();
            List<AlertJson> alerts = json.alerts() == null ? List.of() : json.alerts();
            for (int i = 0; i < alerts.size(); i++) {
                AlertJson a = alerts.get(i);
                String field = "alerts[" + i + "]";
                if (a == null) {
                    fail(field, "不能为空");
                }
                String type = a.type() == null ? null : a.type().toLowerCase(Locale.ROOT);
                if (type == null || !ALERT_TYPES.contains(type)) {
                    fail(field + ".type", "取值应为 dingtalk / json / wecom");
                }
                httpUrl(field + ".url", a.url());
                out.add(new Schedule.AlertTarget(type, a.url(), a.secret()));
            }
            return out;
        }

        private void httpUrl(String field, String value) {
            if (value == null) {
                fail(field, "必填");
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    fail(field, "应为 http:// 或 https:// 开头的网址，实际为 \"" + value + "\"");
                }
            } catch (URISyntaxException e) {
                fail(field, "网址格式错误：" + e.getReason());
            }
        }

        private void fail(String field, String problem) {
            int line = lines.getOrDefault(field, lines.getOrDefault(parent(field), lines.getOrDefault("", 1)));
            throw new ScheduleFileException(file, field, line, problem);
        }
    }

    private static String parent(String field) {
        int dot = field.lastIndexOf('.');
        int bracket = field.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : field.substring(0, cut);
    }

    private static <T, V> V pick(T given, T fallback, Function<T, V> get) {
        V v = given == null ? null : get.apply(given);
        return v != null ? v : fallback == null ? null : get.apply(fallback);
    }

    private ScheduleJson defaults() {
        return RuleFiles.load(ScheduleLoader.class, "defaults.json", ScheduleJson.class);
    }

    private Map<String, Integer> lines(Path file, String text) {
        try {
            return JsonFieldLines.of(mapper, text);
        } catch (IOException e) {
            return Map.of();
        }
    }
}

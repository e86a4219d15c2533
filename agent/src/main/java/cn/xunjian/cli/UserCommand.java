package cn.xunjian.cli;

import cn.xunjian.console.account.AccountException;
import cn.xunjian.console.account.Role;
import cn.xunjian.console.account.SecurityRules;
import cn.xunjian.console.account.User;
import cn.xunjian.console.account.Users;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.schedule.Schedule;
import cn.xunjian.schedule.ScheduledSite;
import cn.xunjian.schedule.SiteRegistry;
import cn.xunjian.store.jdbc.Database;
import cn.xunjian.store.jdbc.JdbcSiteStore;
import cn.xunjian.store.jdbc.Migrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user add|passwd|token|list}: the console's accounts, kept in the schedule's database. */
@Command(name = "user", description = "管理网页控制台的账号（管理员、检查员、网站主办单位）",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Token.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where {@code --password-stdin} reads from; {@link Main#run} sets it. */
    static InputStream stdin = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令（add、passwd、token、list）");
    }

    /** What each subcommand does with the users of the loaded schedule's database. */
    interface Work {
        int run(Users users, ScheduleFiles.Loaded loaded) throws IOException;
    }

    static int withUsers(CommandLine.Model.CommandSpec spec, Path scheduleFile, Work work) throws IOException {
        ScheduleFiles.Loaded loaded = ScheduleFiles.load(scheduleFile, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.USAGE;
        }
        Schedule.DatabaseConfig c = loaded.schedule().database();
        try (Database db = Database.open(c.url(), c.user(), c.password(), 2)) {
            new Migrations(db.dataSource(), db.dialect()).migrate();
            Users users = new Users(db.dataSource(), SecurityRules.standard(), Clock.system(ShanghaiTime.ZONE));
            // the sites an operator may be given are the site files' and those added in the web console
            List<ScheduledSite> sites = new SiteRegistry(loaded.sites(), new JdbcSiteStore(db.dataSource())).all();
            return work.run(users, new ScheduleFiles.Loaded(loaded.schedule(), sites));
        } catch (AccountException e) {
            spec.commandLine().getErr().println("错误：" + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    static String readPassword(CommandLine.Model.CommandSpec spec) throws IOException {
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new AccountException("标准输入中没有密码（用法：echo '密码' | ./xunjian user … --password-stdin）");
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Command(name = "add", description = "新建账号；密码从标准输入读取（--password-stdin）")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
        Path scheduleFile;
        @Parameters(index = "1", paramLabel = "NAME", description = "用户名")
        String name;
        @Option(names = "--role", required = true, paramLabel = "admin|inspector|operator",
                description = "角色：admin 管理员、inspector 检查员、operator 网站主办单位")
        String role;
        @Option(names = "--site", paramLabel = "SITECODE", description = "网站主办单位负责的网站标识码（可多次给出）")
        List<String> sites = new ArrayList<>();
        @Option(names = "--password-stdin", required = true, description = "从标准输入读取密码（一行）")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role r = Role.of(role).orElse(null);
            if (r == null) {
                spec.commandLine().getErr().println("错误：--role 取值应为 admin、inspector 或 operator，实际为 \"" + role + "\"");
                return ExitCodes.USAGE;
            }
            return withUsers(spec, scheduleFile, (users, loaded) -> {
                Set<String> known = loaded.sites().stream().map(s -> s.site().siteCode()).filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                for (String code : sites) {
                    if (!known.contains(code)) {
                        throw new AccountException("网站标识码 " + code + " 不是计划文件或控制台中任何站点的标识码（现有："
                                + (known.isEmpty() ? "无" : String.join("、", known.stream().sorted().toList())) + "）");
                    }
                }
                User u = users.add(name, r, sites, readPassword(spec));
                spec.commandLine().getOut().println("已创建" + u.role().label() + "账号 " + u.name()
                        + (u.sites().isEmpty() ? "" : "，负责网站：" + String.join("、", u.sites())));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "passwd", description = "重设账号密码并解除锁定；新密码从标准输入读取")
    static final class Passwd implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
        Path scheduleFile;
        @Parameters(index = "1", paramLabel = "NAME", description = "用户名")
        String name;
        @Option(names = "--password-stdin", required = true, description = "从标准输入读取新密码（一行）")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            return withUsers(spec, scheduleFile, (users, loaded) -> {
                users.setPassword(name, readPassword(spec));
                spec.commandLine().getOut().println("已重设 " + name + " 的密码");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "token", description = "为账号生成新的 API 令牌并打印（只显示这一次，数据库只保存其哈希）")
    static final class Token implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
        Path scheduleFile;
        @Parameters(index = "1", paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        public Integer call() throws IOException {
            return withUsers(spec, scheduleFile, (users, loaded) -> {
                spec.commandLine().getOut().println(users.newToken(name));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list", description = "列出全部账号、角色和负责的网站")
    static final class ListUsers implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
        Path scheduleFile;

        @Override
        public Integer call() throws IOException {
            return withUsers(spec, scheduleFile, (users, loaded) -> {
                List<User> all = users.list();
                if (all.isEmpty()) {
                    spec.commandLine().getOut().println("尚无账号。");
                }
                for (User u : all) {
                    spec.commandLine().getOut().println(u.name() + "\t" + u.role().json() + "\t" + u.role().label()
                            + (u.sites().isEmpty() ? "" : "\t" + String.join(",", u.sites())));
                }
                return ExitCodes.OK;
            });
        }
    }
}

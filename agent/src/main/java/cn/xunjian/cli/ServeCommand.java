package cn.xunjian.cli;

import cn.xunjian.console.Console;
import cn.xunjian.console.ConsoleServices;
import cn.xunjian.console.EngineRechecks;
import cn.xunjian.console.account.SecurityRules;
import cn.xunjian.console.review.RecheckRunner;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.schedule.Daemon;
import cn.xunjian.schedule.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", description = "按计划文件常驻运行：可用性探测、每晚巡检、每周通报、留言回访（Quartz，嵌入式 H2 或 PostgreSQL 集群）")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
    Path scheduleFile;

    @Option(names = "--shutdown-wait", paramLabel = "秒", defaultValue = "60",
            description = "收到停止信号后等待运行中任务结束的最长时间，默认 60 秒")
    int shutdownWait;

    @Override
    public Integer call() throws Exception {
        ScheduleFiles.Loaded loaded = ScheduleFiles.load(scheduleFile, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.USAGE;
        }
        Clock clock = Clock.system(ShanghaiTime.ZONE);
        Daemon daemon = Daemon.start(loaded.schedule(), loaded.sites(), clock);
        Duration wait = Duration.ofSeconds(Math.max(1, shutdownWait));
        var out = spec.commandLine().getOut();
        Schedule.Console listen = loaded.schedule().console();
        ConsoleServices consoleServices = ConsoleServices.create(loaded.schedule(), daemon.services().sites(),
                daemon::install, daemon.database().dataSource(), daemon.services().auditSettings().catalogue(),
                daemon::auditNow, clock, SecurityRules.standard());
        Console console;
        try {
            RecheckRunner rechecks = new EngineRechecks(daemon.services().sites(), daemon.services().results(),
                    daemon.services().auditSettings(), clock);
            console = Console.start(consoleServices, rechecks, listen.host(), listen.port(), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            daemon.stop(wait);
            spec.commandLine().getErr().println("配置错误：计划文件 " + scheduleFile + "，字段 \"console.listen\"：无法在 "
                    + listen.host() + ":" + listen.port() + " 上启动网页控制台（" + e.getMessage() + "）");
            return ExitCodes.USAGE;
        }
        AtomicBoolean reported = new AtomicBoolean();
        Runnable stop = () -> {
            console.close();
            daemon.stop(wait);
            if (reported.compareAndSet(false, true)) {
                out.println("巡检服务已停止。");
                out.flush();
            }
        };
        StopSignals signals = StopSignals.install();
        // a shutdown the JVM begins by itself (a signal it kept, System.exit) still stops the daemon, as well as it can
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "xunjian-serve-stop"));
        out.println("巡检服务已启动（节点 " + daemon.services().node() + "），站点 "
                + daemon.services().sites().all().size() + " 个，输出目录 " + loaded.schedule().outputDir());
        out.println("网页控制台：http://" + (listen.host().contains(":") ? "[" + listen.host() + "]" : listen.host()) + ":"
                + console.port() + "/");
        if (!consoleServices.users().anyAdmin()) {
            out.println("尚无管理员账号。请先创建一个（密码至少 " + consoleServices.security().minPasswordLength()
                    + " 个字符，从标准输入读取）：");
            out.println("  echo '密码' | ./xunjian user add " + scheduleFile + " admin --role admin --password-stdin");
        }
        out.println("按 Ctrl+C 或发送 SIGTERM 停止；用 ./xunjian status " + scheduleFile + " 查看计划与结果。");
        out.flush();
        int exitCode = signals.await();
        stop.run();
        return exitCode;
    }
}

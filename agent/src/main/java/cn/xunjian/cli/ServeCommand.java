package cn.xunjian.cli;

import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.schedule.Daemon;
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
        Daemon daemon = Daemon.start(loaded.schedule(), loaded.sites(), Clock.system(ShanghaiTime.ZONE));
        Duration wait = Duration.ofSeconds(Math.max(1, shutdownWait));
        var out = spec.commandLine().getOut();
        AtomicBoolean reported = new AtomicBoolean();
        Runnable stop = () -> {
            daemon.stop(wait);
            if (reported.compareAndSet(false, true)) {
                out.println("巡检服务已停止。");
                out.flush();
            }
        };
        StopSignals signals = StopSignals.install();
        // a shutdown the JVM begins by itself (a signal it kept, System.exit) still stops the daemon, as well as it can
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "xunjian-serve-stop"));
        out.println("巡检服务已启动（节点 " + daemon.services().node() + "），站点 " + loaded.sites().size()
                + " 个，输出目录 " + loaded.schedule().outputDir());
        out.println("按 Ctrl+C 或发送 SIGTERM 停止；用 ./xunjian status " + scheduleFile + " 查看计划与结果。");
        out.flush();
        int exitCode = signals.await();
        stop.run();
        return exitCode;
    }
}

package cn.xunjian.cli;

import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.schedule.StatusReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "显示计划任务的下次运行时间、各站最近结果和存储大小")
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCHEDULE.json", description = "计划文件")
    Path scheduleFile;

    @Override
    public Integer call() {
        ScheduleFiles.Loaded loaded = ScheduleFiles.load(scheduleFile, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.USAGE;
        }
        StatusReport.print(loaded.schedule(), loaded.sites(), Clock.system(ShanghaiTime.ZONE), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}

package cn.xunjian.cli;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.demo.DemoPortal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "在 127.0.0.1 上启动自带的演示门户（含预设问题）并对其巡检")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "输出目录（默认 screenshots/<时间>/）")
    Path out;

    @Override
    public Integer call() {
        try (DemoPortal portal = DemoPortal.start()) {
            spec.commandLine().getOut().println("演示门户已启动：" + portal.portalUrl());
            return AuditRun.run(portal.sites(), out, NetworkScope.LOOPBACK_ONLY, null, true, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (IOException e) {
            spec.commandLine().getErr().println("演示门户无法启动：" + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }
}

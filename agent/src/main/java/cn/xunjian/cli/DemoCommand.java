package cn.xunjian.cli;

import cn.xunjian.demo.DemoPortal;
import cn.xunjian.evidence.DemoTimestampAuthority;
import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.net.ProxySettings;
import cn.xunjian.report.CircularSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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

    @CommandLine.Mixin
    EvidenceOptions evidence = new EvidenceOptions();

    @Option(names = "--circular", paramLabel = "FILE", description = "通报设置文件（发文机关、文号、主送、落款、整改期限）")
    Path circularFile;

    @Override
    public Integer call() {
        Optional<EvidenceSettings> sealing = evidence.resolve(spec.commandLine().getErr());
        Optional<CircularSettings> circular = CircularOption.resolve(circularFile, spec.commandLine().getErr());
        if (sealing.isEmpty() || circular.isEmpty()) {
            return ExitCodes.USAGE;
        }
        EvidenceSettings seal = sealing.get();
        try (DemoPortal portal = DemoPortal.start();
             DemoTimestampAuthority tsa = DemoTimestampAuthority.start(Clock.system(ShanghaiTime.ZONE))) {
            spec.commandLine().getOut().println("演示门户已启动：" + portal.portalUrl());
            if (seal.tsa() == null) {
                seal = seal.withTsa(tsa.config());
                spec.commandLine().getOut().println("演示时间戳服务已启动（" + DemoTimestampAuthority.LABEL + "）：" + tsa.url());
            }
            return AuditRun.run(portal.sites(), out, NetworkScope.LOOPBACK_ONLY, null, true, false, ProxySettings.NONE,
                    seal, circular.get(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (IOException e) {
            spec.commandLine().getErr().println("演示门户无法启动：" + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }
}

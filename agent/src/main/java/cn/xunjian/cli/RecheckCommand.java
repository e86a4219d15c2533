package cn.xunjian.cli;

import cn.xunjian.audit.AuditSettings;
import cn.xunjian.browser.BrowserUnavailableException;
import cn.xunjian.internal.ShanghaiTime;
import cn.xunjian.net.NetworkScope;
import cn.xunjian.recheck.FindingRef;
import cn.xunjian.recheck.Outcome;
import cn.xunjian.recheck.Recheck;
import cn.xunjian.recheck.RecheckInputException;
import cn.xunjian.recheck.RecheckResult;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFileException;
import cn.xunjian.site.SiteFileLoader;
import cn.xunjian.vision.OcrException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "recheck", description = "复验一次巡检中的一个问题：只在该问题所在页面上重新运行产生它的那项检查，证据另存，不改动原巡检")
final class RecheckCommand implements Callable<Integer> {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("cn.xunjian.cli.Messages", Locale.ROOT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE.json", description = "站点文件")
    Path siteFile;

    @Parameters(index = "1", paramLabel = "RUN_DIR", description = "原巡检输出目录（含 report.json）")
    Path runDir;

    @Parameters(index = "2", paramLabel = "FINDING_ID", description = "report.json 中问题的 id")
    String findingId;

    @Option(names = "--loopback-only", description = "只访问本机地址（127.0.0.1、localhost），其他链接不检查")
    boolean loopbackOnly;

    @Option(names = "--timeout", paramLabel = "秒", description = "首页打开时限，默认取指标数据中的15秒")
    Integer timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeout != null && timeout < 1) {
            err.println("用法错误：--timeout 应为正整数");
            return ExitCodes.USAGE;
        }
        SiteFile site;
        FindingRef finding;
        Path run = runDir.toAbsolutePath().normalize();
        try {
            site = new SiteFileLoader().load(siteFile);
            if (!Files.isDirectory(run)) {
                throw new RecheckInputException("原巡检目录 " + run + " 不存在");
            }
            finding = FindingRef.fromRun(run, site, findingId);
        } catch (SiteFileException | RecheckInputException e) {
            err.println(say("recheck.error.config", e.getMessage()));
            return ExitCodes.USAGE;
        }
        AuditSettings settings = AuditSettings.standard(loopbackOnly ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY);
        if (timeout != null) {
            settings = settings.withAvailabilityTimeout(timeout);
        }
        out.println(say("recheck.running", finding.id(), finding.kind(), finding.url()));
        try {
            RecheckResult result = new Recheck(settings, Clock.system(ShanghaiTime.ZONE)).run(site, finding, run);
            out.println(say("recheck.outcome." + result.outcome().json()));
            out.println(say("recheck.reason", result.reason()));
            out.println(say("recheck.evidence", result.evidenceDir()));
            return exitCode(result.outcome());
        } catch (BrowserUnavailableException | OcrException e) {
            err.println(say("recheck.error.environment", e.getMessage()));
            return ExitCodes.INTERNAL;
        } catch (IOException e) {
            err.println(say("recheck.error.write", e.getMessage()));
            return ExitCodes.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(say("recheck.interrupted"));
            return ExitCodes.INTERNAL;
        }
    }

    static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case GONE -> ExitCodes.OK;
            case PRESENT -> ExitCodes.FAILED;
            case UNDETERMINED -> ExitCodes.UNDETERMINED;
        };
    }

    private static String say(String key, Object... args) {
        return new MessageFormat(MESSAGES.getString(key), Locale.ROOT).format(args);
    }
}

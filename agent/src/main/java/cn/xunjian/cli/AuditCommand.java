package cn.xunjian.cli;

import cn.xunjian.net.NetworkScope;
import cn.xunjian.scenario.ScenarioFileException;
import cn.xunjian.scenario.ScenarioPreflight;
import cn.xunjian.site.SiteFile;
import cn.xunjian.site.SiteFileException;
import cn.xunjian.site.SiteFileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", description = "检查站点文件中的网站，输出 report.json、report.html、manifest.json 和证据")
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SITE.json", description = "站点文件")
    List<Path> siteFiles;

    @Option(names = "--out", paramLabel = "DIR", description = "输出目录（默认 screenshots/<时间>/）")
    Path out;

    @Option(names = "--loopback-only", description = "只访问本机地址（127.0.0.1、localhost），其他链接不检查")
    boolean loopbackOnly;

    @Option(names = "--offline", description = "离线模式：不检查其他主机上的链接（在报告中列为未核实，不扣分）")
    boolean offline;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "经代理访问（http://[用户:密码@]主机:端口），默认取环境变量 HTTP_PROXY / HTTPS_PROXY / NO_PROXY")
    String proxy;

    @Option(names = "--timeout", paramLabel = "秒", description = "首页打开时限，默认取指标数据中的15秒")
    Integer timeout;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "每个网站最多抓取的页面数（优先于站点文件的 maxPages），默认抓取全站，上限 200000 页")
    Integer maxPages;

    @CommandLine.Mixin
    EvidenceOptions evidence = new EvidenceOptions();

    @Option(names = "--circular", paramLabel = "FILE", description = "通报设置文件（发文机关、文号、主送、落款、整改期限）")
    Path circularFile;

    @Override
    public Integer call() {
        List<SiteFile> sites = new ArrayList<>();
        SiteFileLoader loader = new SiteFileLoader();
        for (Path file : siteFiles) {
            try {
                sites.add(new ScenarioPreflight().check(loader.load(file), file));
            } catch (SiteFileException | ScenarioFileException e) {
                spec.commandLine().getErr().println("配置错误：" + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        if (maxPages != null && maxPages < 1) {
            spec.commandLine().getErr().println("用法错误：--max-pages 应为正整数");
            return ExitCodes.USAGE;
        }
        if (maxPages != null) {
            sites.replaceAll(s -> s.withMaxPages(maxPages));
        }
        if (timeout != null && timeout < 1) {
            spec.commandLine().getErr().println("用法错误：--timeout 应为正整数");
            return ExitCodes.USAGE;
        }
        var proxies = ProxyOption.resolve(proxy, System.getenv(), spec.commandLine().getErr());
        if (proxies.isEmpty()) {
            return ExitCodes.USAGE;
        }
        var seal = evidence.resolve(spec.commandLine().getErr());
        var circular = CircularOption.resolve(circularFile, spec.commandLine().getErr());
        if (seal.isEmpty() || circular.isEmpty()) {
            return ExitCodes.USAGE;
        }
        return AuditRun.run(sites, out, loopbackOnly ? NetworkScope.LOOPBACK_ONLY : NetworkScope.ANY, timeout, false,
                offline, proxies.get(), seal.get(), circular.get(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

package cn.xunjian.cli;

import cn.xunjian.evidence.ManifestVerifier;
import cn.xunjian.evidence.WaczVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "按 manifest.json 重新计算一次巡检的证据哈希，并检查每个网页存档（WACZ）的结构与内部摘要，报告被改动或缺失的文件")
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "巡检输出目录")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            err.println("配置错误：目录 " + dir + " 中没有 manifest.json");
            return ExitCodes.USAGE;
        }
        ManifestVerifier.Result result;
        List<String> archiveProblems;
        try {
            result = new ManifestVerifier().verify(dir);
            archiveProblems = new WaczVerifier().verifyRun(dir);
        } catch (IOException e) {
            err.println("配置错误：manifest.json 无法读取：" + e.getMessage());
            return ExitCodes.USAGE;
        }
        result.changed().forEach(p -> out.println("已改动：" + p));
        result.missing().forEach(p -> out.println("已缺失：" + p));
        archiveProblems.forEach(p -> out.println("存档有误：" + p));
        if (result.intact() && archiveProblems.isEmpty()) {
            out.println("校验通过：" + result.checked() + " 个文件与清单一致");
            return ExitCodes.OK;
        }
        out.println("校验失败：" + result.changed().size() + " 个文件被改动，" + result.missing().size() + " 个文件缺失"
                + (archiveProblems.isEmpty() ? "" : "，网页存档有 " + archiveProblems.size() + " 处问题"));
        return ExitCodes.FAILED;
    }
}

package cn.xunjian.cli;

import cn.xunjian.evidence.EvidenceVerifier;
import cn.xunjian.evidence.SigningKeys;
import cn.xunjian.evidence.VerificationSheet;
import cn.xunjian.internal.ShanghaiTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "离线核验一次巡检的证据：文件哈希、清单签名、可信时间戳，打印证据核验结果")
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "巡检输出目录")
    Path dir;

    @Option(names = "--html", paramLabel = "OUT", description = "另外写出一页证据核验单（HTML）")
    Path html;

    @Option(names = "--tsa-ca", paramLabel = "PEM", description = "核验时间戳证书链所用的时间戳服务证书（默认取目录中的 tsa.pem）")
    Path tsaCa;

    @Option(names = "--key", paramLabel = "FILE", description = "本机签名私钥文件，检查其权限（默认 data/keys/signing-key.pem）")
    Path key;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            err.println("配置错误：目录 " + dir + " 中没有 manifest.json");
            return ExitCodes.USAGE;
        }
        if (tsaCa != null && !Files.isRegularFile(tsaCa)) {
            err.println("用法错误：--tsa-ca 文件 " + tsaCa + " 不存在");
            return ExitCodes.USAGE;
        }
        Path keyFile = key != null ? key : SigningKeys.standardDir().resolve(SigningKeys.KEY_FILE);
        EvidenceVerifier.Verification v = new EvidenceVerifier(keyFile, tsaCa).verify(dir);
        VerificationSheet sheet = VerificationSheet.of(v, ShanghaiTime.iso(Clock.system(ShanghaiTime.ZONE)));
        sheet.text().forEach(out::println);
        if (html != null) {
            try {
                Path parent = html.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (OutputStream o = Files.newOutputStream(html)) {
                    sheet.writeHtml(o);
                }
                out.println("证据核验单：" + html);
            } catch (IOException e) {
                err.println("无法写入证据核验单 " + html + "：" + e.getMessage());
                return ExitCodes.INTERNAL;
            }
        }
        return sheet.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

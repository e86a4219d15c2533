package cn.xunjian.cli;

import cn.xunjian.evidence.EvidenceKeyException;
import cn.xunjian.evidence.KeyAlgorithm;
import cn.xunjian.evidence.SigningKey;
import cn.xunjian.evidence.SigningKeys;
import cn.xunjian.internal.ShanghaiTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The evidence signing key of this installation: which one signs now, and rotating it. A rotated key's certificate
 * is kept in {@code retired/}; runs it signed carry their own {@code signer.pem} and keep verifying.
 */
@Command(name = "keys", description = "查看或更换证据签名密钥（旧密钥的证书保存在 retired/，旧的巡检仍可核验）",
        subcommands = {KeysCommand.Show.class, KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令（show、rotate）");
    }

    /** Options both subcommands take. */
    static final class Where {
        @Option(names = "--key-dir", paramLabel = "DIR", description = "签名密钥目录，默认 $XUNJIAN_HOME/data/keys/")
        Path dir;

        SigningKeys keys() {
            return new SigningKeys(dir != null ? dir : SigningKeys.standardDir(), Clock.system(ShanghaiTime.ZONE));
        }
    }

    private static void describe(PrintWriter out, SigningKey key) {
        out.println("签名密钥：" + key.keyId() + "（" + key.algorithm() + "）");
        out.println("证书主题：" + key.subject());
    }

    @Command(name = "show", description = "显示当前签名密钥（没有时创建）与已停用的密钥")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where = new Where();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SigningKeys keys = where.keys();
            try {
                describe(out, keys.loadOrCreate(KeyAlgorithm.ED25519));
                for (Path retired : keys.retired()) {
                    out.println("已停用：" + retired.getFileName());
                }
                return ExitCodes.OK;
            } catch (EvidenceKeyException | IOException e) {
                spec.commandLine().getErr().println("配置错误：" + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(name = "rotate", description = "停用当前签名密钥并创建新密钥")
    static final class Rotate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Where where = new Where();

        @Option(names = "--key-algorithm", paramLabel = "ALG", defaultValue = "ed25519",
                description = "新密钥的算法：ed25519（默认）、p256、sm2（国密 SM2/SM3）")
        String algorithm;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                SigningKey key = where.keys().rotate(KeyAlgorithm.parse(algorithm));
                out.println("已更换签名密钥，此后的巡检用新密钥签名；旧密钥签名的巡检仍可用其自带的 signer.pem 核验。");
                describe(out, key);
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("用法错误：--key-algorithm " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (EvidenceKeyException e) {
                spec.commandLine().getErr().println("配置错误：" + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }
}

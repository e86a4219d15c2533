package cn.xunjian.cli;

import cn.xunjian.evidence.EvidenceSettings;
import cn.xunjian.evidence.KeyAlgorithm;
import cn.xunjian.evidence.TsaConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of audit and demo that say how a run's evidence is sealed. The TSA's credentials come from the
 * environment ({@code XUNJIAN_TSA_USER}, {@code XUNJIAN_TSA_PASSWORD}), never from the command line, where any user
 * of the machine could read them in the process list.
 */
final class EvidenceOptions {
    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 时间戳服务地址（用户名、密码取自环境变量 XUNJIAN_TSA_USER、XUNJIAN_TSA_PASSWORD）")
    String tsa;

    @Option(names = "--tsa-ca", paramLabel = "PEM", description = "时间戳服务的 CA 证书，随证据保存为 tsa.pem")
    Path tsaCa;

    @Option(names = "--ntp", paramLabel = "HOST[:PORT]", description = "测量本机时钟偏差所用的 NTP 服务器，写入采集环境记录")
    String ntp;

    @Option(names = "--key-algorithm", paramLabel = "ALG", description = "首次创建签名密钥时的算法：ed25519（默认）、p256、sm2（国密 SM2/SM3）")
    String keyAlgorithm;

    /** Empty after the usage error, naming the option, has been printed to {@code err}. */
    Optional<EvidenceSettings> resolve(PrintWriter err) {
        try {
            return Optional.of(settings());
        } catch (IllegalArgumentException e) {
            err.println("用法错误：" + e.getMessage());
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException with a Chinese message naming the option */
    EvidenceSettings settings() {
        EvidenceSettings s = EvidenceSettings.standard();
        if (keyAlgorithm != null) {
            s = new EvidenceSettings(s.keyDir(), KeyAlgorithm.parse(keyAlgorithm), null);
        }
        if (ntp != null) {
            s = s.withNtp(ntp);
        }
        if (tsaCa != null && !Files.isRegularFile(tsaCa)) {
            throw new IllegalArgumentException("--tsa-ca 文件 " + tsaCa + " 不存在");
        }
        if (tsa != null) {
            TsaConfig.problemWith(tsa).ifPresent(p -> {
                throw new IllegalArgumentException("--tsa " + p);
            });
            s = s.withTsa(new TsaConfig(tsa, System.getenv("XUNJIAN_TSA_USER"), System.getenv("XUNJIAN_TSA_PASSWORD"),
                    tsaCa, null));
        }
        return s;
    }
}

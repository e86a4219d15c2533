package cn.xunjian.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks this installation's signing key file, when there is one: a key that other users can read may have signed
 * anything, so what it signed no longer shows who signed.
 */
final class KeyPermissionStep implements VerificationStep {
    private final Path keyFile;

    KeyPermissionStep(Path keyFile) {
        this.keyFile = keyFile;
    }

    @Override
    public String title() {
        return "本机签名私钥权限";
    }

    @Override
    public Report check(Path runDir) {
        if (!Files.exists(keyFile)) {
            return new Report(title(), List.of("本机没有签名私钥（" + keyFile + "），不适用"), List.of());
        }
        List<Problem> problems = SigningKeys.permissionProblems(keyFile).stream()
                .map(m -> new Problem(keyFile.toString(), m)).toList();
        return new Report(title(), problems.isEmpty() ? List.of(keyFile + " 仅属主可读写") : List.of(), problems);
    }
}

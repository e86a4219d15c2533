package cn.xunjian.cli;

import cn.xunjian.report.CircularSettings;
import cn.xunjian.report.CircularSettingsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --circular FILE} of audit and demo: the office's 通报 settings, or the shipped defaults. */
final class CircularOption {
    private CircularOption() {
    }

    /** Empty after the file's error (file, field, line) has been printed to {@code err}. */
    static Optional<CircularSettings> resolve(Path file, PrintWriter err) {
        try {
            return Optional.of(file == null ? CircularSettings.standard() : CircularSettingsFile.read(file));
        } catch (CircularSettingsFile.Invalid e) {
            err.println("配置错误：" + e.getMessage());
            return Optional.empty();
        }
    }
}

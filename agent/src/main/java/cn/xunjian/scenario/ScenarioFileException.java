package cn.xunjian.scenario;

import cn.xunjian.internal.ConfigFileException;
import java.nio.file.Path;

/** A scenario file that cannot be used; the message names the file, the line and the step. */
public final class ScenarioFileException extends ConfigFileException {
    private final String step;

    /**
     * @param step e.g. {@code 第 3 步（click）}, or a field name outside the steps
     */
    public ScenarioFileException(Path file, int line, String step, String problem) {
        super("场景文件", file, line, step, problem);
        this.step = step;
    }

    public String step() {
        return step;
    }
}

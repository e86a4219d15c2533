package cn.xunjian.scenario;

import java.nio.file.Path;
import java.util.Locale;

/** A scenario file that cannot be used; the message names the file, the line and the step. */
public final class ScenarioFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String step;

    /**
     * @param step e.g. {@code 第 3 步（click）}, or a field name outside the steps
     */
    public ScenarioFileException(Path file, int line, String step, String problem) {
        super(String.format(Locale.ROOT, "场景文件 %s 第 %d 行，%s：%s", file, line, step, problem));
        this.file = file;
        this.line = line;
        this.step = step;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String step() {
        return step;
    }
}

package cn.xunjian.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** UTF-8 writers for stdout and stderr, whatever the platform's default charset (often ASCII in CI). */
final class Console {
    private Console() {
    }

    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}

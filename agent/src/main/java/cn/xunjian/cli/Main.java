package cn.xunjian.cli;

import cn.xunjian.net.JdkNetProperties;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xunjian} command line. */
@Command(name = "xunjian", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // inherited, so that every subcommand has --help and --version and speaks Chinese
        scope = CommandLine.ScopeType.INHERIT, resourceBundle = "cn.xunjian.cli.Messages",
        description = "巡检：政府网站与政务新媒体自动检查工具",
        subcommands = {DemoCommand.class, AuditCommand.class, LinksCommand.class, VerifyCommand.class, RecheckCommand.class,
            ServeCommand.class, StatusCommand.class, UserCommand.class, KeysCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        JdkNetProperties.apply();
        System.exit(run(args, Console.writer(System.out), Console.writer(System.err)));
    }

    /** Runs the CLI with the given writers and returns the exit code (used by the whole-output tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** Runs the CLI reading {@code --password-stdin} from {@code in}. */
    public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        UserCommand.stdin = in;
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out).setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("用法错误：" + UsageErrors.describe(ex));
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("内部错误：" + ex);
            return ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令");
    }
}

package cn.xunjian.cli;

import cn.xunjian.net.JdkNetProperties;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xunjian} command line. */
@Command(name = "xunjian", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // inherited, so that every subcommand has --help and --version and speaks Chinese
        scope = CommandLine.ScopeType.INHERIT, resourceBundle = "cn.xunjian.cli.Messages",
        description = "巡检：政府网站与政务新媒体自动检查工具")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order the help lists them. Added by {@link #run} rather than named in the annotation,
     * so that a run builds the model of the one subcommand it names: picocli reflects over every option of every
     * subcommand it is given, a quarter of a second of start-up for {@code xunjian links}.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, AuditCommand.class, LinksCommand.class,
            VerifyCommand.class, RecheckCommand.class, ServeCommand.class, StatusCommand.class, UserCommand.class,
            KeysCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        RunPhases.mainEntered();
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
        String named = args.length == 0 ? "" : args[0];
        List<Class<?>> wanted = SUBCOMMANDS.stream().filter(c -> nameOf(c).equals(named)).toList();
        for (Class<?> c : wanted.isEmpty() ? SUBCOMMANDS : wanted) {
            cli.addSubcommand(c);
        }
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

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令");
    }
}

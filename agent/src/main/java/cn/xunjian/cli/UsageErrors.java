package cn.xunjian.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's parse errors in Chinese. picocli words them in English in code (its resource bundle covers only the
 * usage help), so each kind of {@link CommandLine.ParameterException} is worded here from what it carries.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的" + names(m.getMissing());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            boolean option = !unmatched.isEmpty() && unmatched.get(0).startsWith("-");
            return (option ? "未知的选项：" : "多余的参数：") + String.join(" ", unmatched);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return "选项只能给出一次：" + name(o.getOverwritten());
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多：" + e.getMessage();
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "不能同时给出的选项：" + e.getMessage();
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException || e.getMessage().startsWith("Invalid value")) {
            return "无效的值：" + e.getMessage().replaceFirst("^Invalid value for ", "");
        }
        return e.getMessage();
    }

    private static String names(List<ArgSpec> args) {
        return args.stream().map(UsageErrors::name).collect(Collectors.joining("、"));
    }

    private static String name(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            return "选项 " + o.longestName() + (o.paramLabel().isEmpty() ? "" : "=" + o.paramLabel());
        }
        if (a instanceof PositionalParamSpec p) {
            return "参数 " + p.paramLabel();
        }
        return a.toString();
    }
}

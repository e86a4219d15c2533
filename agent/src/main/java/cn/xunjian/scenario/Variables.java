package cn.xunjian.scenario;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The variables of one scenario run. {@code ${env:NAME}} reads the environment and registers the value as a
 * secret; a variable whose value came from a secret is itself secret.
 */
final class Variables {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> secretNames = new HashSet<>();
    private final Set<String> extracted = new HashSet<>();
    private final Function<String, String> env;
    private final Secrets secrets;

    Variables(Function<String, String> env, Secrets secrets) {
        this.env = env;
        this.secrets = secrets;
    }

    /** Defines a variable from a template (resolved now). */
    void define(String name, String template) {
        values.put(name, resolve(template));
        if (usesSecret(template)) {
            secretNames.add(name);
        }
    }

    /** Stores a value read from the page (an {@code extract}, {@code ocr} or {@code decodeQr} result). */
    void put(String name, String value) {
        values.put(name, value);
        extracted.add(name);
    }

    /** Resolves every reference; throws {@link StepFailure} naming an undefined variable or unset secret. */
    String resolve(String template) {
        if (template == null) {
            return null;
        }
        Matcher m = Template.REFERENCE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value;
            if (m.group(1) != null) {
                value = env.apply(name);
                if (value == null) {
                    throw new StepFailure("环境变量 " + name + " 未设置（场景中的 ${env:" + name + "}）");
                }
                secrets.add(value);
            } else {
                value = values.get(name);
                if (value == null) {
                    throw new StepFailure("未定义的变量 ${" + name + "}");
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether resolving {@code template} involves a secret. */
    boolean usesSecret(String template) {
        if (template == null) {
            return false;
        }
        Matcher m = Template.REFERENCE.matcher(template);
        while (m.find()) {
            if (m.group(1) != null || secretNames.contains(m.group(2))) {
                return true;
            }
        }
        return false;
    }

    /** The values read from pages during the run, secrets masked, for the step log. */
    Map<String, String> extractedMasked() {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            if (extracted.contains(e.getKey())) {
                out.put(e.getKey(), secrets.mask(e.getValue()));
            }
        }
        return out;
    }
}

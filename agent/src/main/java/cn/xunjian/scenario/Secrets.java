package cn.xunjian.scenario;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The secret values ({@code ${env:NAME}}) a scenario run has resolved. Everything that leaves the run (step log,
 * findings, DOM evidence, log lines) goes through {@link #mask(String)} first.
 */
final class Secrets {
    private final Set<String> values = new LinkedHashSet<>();
    private final String mask;

    public Secrets(String mask) {
        this.mask = mask;
    }

    void add(String value) {
        if (value != null && !value.isEmpty()) {
            values.add(value);
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code text} with every secret value replaced by the mask; longer secrets first so none leaks partly. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(v, mask);
        }
        return out;
    }
}

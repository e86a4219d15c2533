package cn.xunjian.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The agent's HTML templates ({@code src/main/jte}, JTE). The build compiles them to classes in the package their
 * folder names ({@code report/report.jte} becomes a class in {@code cn.xunjian.report}), so rendering needs no
 * compiler at run time. Every {@code ${…}} is escaped for the place it stands in (text, attribute), so text taken
 * from an audited site is shown as text and never becomes markup.
 */
public final class HtmlTemplates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlTemplates.class.getClassLoader(), "cn.xunjian");

    private HtmlTemplates() {
    }

    /**
     * Renders a template that takes one parameter as UTF-8 onto {@code out}, which is flushed and left open.
     *
     * @param template the template's path below {@code src/main/jte}, e.g. {@code report/report.jte}
     */
    public static void render(String template, Object param, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            ENGINE.render(template, param, new WriterOutput(writer));
        } catch (RuntimeException e) {
            // JTE reports a failing writer as an unchecked exception, possibly wrapped in its own
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
        writer.flush();
    }

    /** Renders a template that takes one parameter into a string. */
    public static String render(String template, Object param) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, param, out);
        return out.toString();
    }
}

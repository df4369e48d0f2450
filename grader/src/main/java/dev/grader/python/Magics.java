package dev.grader.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralise IPython-only lines so that CPython parses and runs notebook code.
 *
 * <p>Each such line becomes {@code pass} at the same indentation, so line numbers never move.
 */
public final class Magics {

    private static final Pattern MAGIC = Pattern.compile(
            "^([ \\t]*)(%%?\\w.*|!.*|[A-Za-z_][\\w.]*\\s*=\\s*[!%].*|\\?\\??[\\w.]+.*|[\\w.]+\\?\\??\\s*)$");

    private Magics() {}

    /**
     * Return the source with magics, shell escapes and help lines replaced by {@code pass}.
     *
     * <p>A cell magic ({@code %%time}) on the first line keeps the cell's body: the body is Python.
     * A {@code %%bash}-style cell is not Python and becomes {@code pass} entirely.
     */
    public static String neutralise(String source) {
        String[] lines = source.split("\n", -1);
        boolean foreignCell = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (foreignCell) {
                lines[i] = line.isBlank() ? line : "pass";
                continue;
            }
            Matcher m = MAGIC.matcher(line);
            if (!m.matches() || line.strip().startsWith("!=")) {
                continue;
            }
            String body = m.group(2);
            if (i == 0 && body.startsWith("%%") && !body.matches("%%(time|timeit|capture|prun)\\b.*")) {
                foreignCell = true;
            }
            lines[i] = m.group(1) + "pass";
        }
        return String.join("\n", lines);
    }
}

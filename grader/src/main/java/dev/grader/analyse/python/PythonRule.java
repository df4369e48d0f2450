package dev.grader.analyse.python;

import dev.grader.analyse.RuleInfo;
import dev.grader.analyse.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Find one kind of multiprocessing misuse in the model of a Python program.
 *
 * <p>A rule reports only what the model shows for certain; where the evaluation lost track of an object
 * the rule stays quiet.
 */
abstract class PythonRule {

    private final RuleInfo info;

    PythonRule(String id, Severity severity, String summary, String why, String fix, String example) {
        this.info = new RuleInfo(id, "python", severity, summary, why, fix, example);
    }

    /** Return the rule's metadata. */
    final RuleInfo info() {
        return info;
    }

    /** Return every place the rule fires, in the model's program lines. */
    final List<Hit> check(Model model) {
        List<Hit> out = new ArrayList<>();
        find(model, out);
        return out;
    }

    abstract void find(Model model, List<Hit> out);

    /**
     * Refer to another line of the program in a message; the analyzer writes it as the student's
     * location ("line 12", "cell 5, line 3").
     */
    static String at(int programLine) {
        return "\u0001" + programLine + "\u0002";
    }

    /** Return the source text of a node that sits on one line, or {@code fallback}. */
    static String source(Model model, PyNode n, String fallback) {
        if (n == null || n.line() < 1 || n.line() != n.endLine() || n.line() > model.lines.size()) {
            return fallback;
        }
        byte[] line = model.lines.get(n.line() - 1).getBytes(StandardCharsets.UTF_8);
        if (n.col() < 0 || n.endCol() > line.length || n.col() >= n.endCol()) {
            return fallback;
        }
        return new String(line, n.col(), n.endCol() - n.col(), StandardCharsets.UTF_8);
    }

    /** Make a hit at the rule's own severity. */
    final Hit hit(int line, String message) {
        return new Hit(info.id(), info.severity(), line, message);
    }

    /** Make a hit at a severity lower than the rule's, where the mistake matters less. */
    final Hit hit(Severity severity, int line, String message) {
        return new Hit(info.id(), severity, line, message);
    }

    /**
     * Hold one place a rule fires.
     *
     * @param rule the rule's id
     * @param severity the severity of this finding
     * @param line 1-based line of the analysed program
     * @param message what is wrong and how to fix it
     */
    record Hit(String rule, Severity severity, int line, String message) {}
}

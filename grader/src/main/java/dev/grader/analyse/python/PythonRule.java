package dev.grader.analyse.python;

import dev.grader.analyse.Rule;
import dev.grader.analyse.Severity;
import java.nio.charset.StandardCharsets;

/**
 * Find one kind of multiprocessing misuse in the model of a Python program.
 *
 * <p>A rule reports only what the model shows for certain; where the evaluation lost track of an object
 * the rule stays quiet.
 */
abstract class PythonRule extends Rule<Model> {

    PythonRule(String id, Severity severity, String summary, String why, String fix, String example) {
        super(id, "python", severity, summary, why, fix, example);
    }

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
}

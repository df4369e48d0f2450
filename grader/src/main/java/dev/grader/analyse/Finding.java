package dev.grader.analyse;

import dev.grader.build.Program.Origin;

/**
 * Hold one misuse found in a student's code, at the student's line.
 *
 * @param rule the rule's id
 * @param severity how grave it is (a rule may lower its own severity where the mistake is harmless)
 * @param origin the student's file (with the cell in notebooks) and line
 * @param message what is wrong here and how to fix it
 */
public record Finding(String rule, Severity severity, Origin origin, String message) {

    /** Return the student's 1-based line, 0 when unknown. */
    public int line() {
        return origin.line();
    }

    /** Return "line 12" or, in a notebook, "cell 5, line 3". */
    public String location() {
        return origin.describe();
    }
}

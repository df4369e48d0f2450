package dev.grader.judge;

import dev.grader.rubric.CheckSpec;

/**
 * Decide one type of check: the declaration a rubric is validated against, and the verdict on an answer.
 *
 * <p>The judge answers for every check whose answer has no code, does not compile, or did not run to a verdict
 * (a limit, a missing module, the network): a check type decides only on what it {@link #needs()}.
 */
public interface CheckType extends CheckSpec {

    /** Say what a check needs before it can be decided. */
    enum Needs {
        /** Nothing: it decides on the answer's prose, or handles a missing program itself. */
        NOTHING,
        /** Code that compiles. */
        CODE,
        /** A run of that code. */
        RUN
    }

    /** Return what the check needs. */
    default Needs needs() {
        return Needs.RUN;
    }

    /** Return true when a syntax error fails this check (with the error) rather than leaving it unchecked. */
    default boolean failsOnSyntaxError() {
        return false;
    }

    /** Decide the check on an answer. */
    CheckResult judge(CheckContext ctx);
}

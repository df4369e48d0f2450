package dev.grader.judge;

/** Name the outcome of one check. */
public enum Verdict {
    /** The check holds. */
    PASS,
    /** The check does not hold: the student's error. */
    FAIL,
    /** The check could not be decided because of the environment or the grader. */
    ERROR,
    /** The check was not run: its question is missing or its code never compiled. */
    SKIPPED;

    /** Return the lower-case name used in every output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

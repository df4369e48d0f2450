package dev.grader.analyse;

import java.util.Locale;

/**
 * Rank findings: an error breaks the program, a warning is a mistake that may not show on this machine,
 * info is advice.
 */
public enum Severity {
    /** The code fails or misbehaves wherever it runs. */
    ERROR,
    /** A mistake that may pass unnoticed here but loses output, leaks processes or hangs elsewhere. */
    WARNING,
    /** Advice; never costs points unless a rubric says so. */
    INFO;

    /** Return the lower-case name used in every output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Return true when this severity is at least as grave as the other. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}

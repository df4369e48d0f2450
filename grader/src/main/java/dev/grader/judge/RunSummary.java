package dev.grader.judge;

import java.util.List;

/**
 * Hold what a program did when it ran, in the terms reports show.
 *
 * @param exitCode the interpreter's exit code
 * @param timedOut whether the time limit ended it
 * @param wallMillis how long it ran
 * @param stdout everything printed on stdout
 * @param stderr everything printed on stderr
 * @param error the exception that ended the program ({@code Type: message}) at the student's line, or {@code null}
 * @param units what each process or pool task printed
 * @param limit the limit the run hit, by name, or {@code null}
 */
public record RunSummary(int exitCode, boolean timedOut, long wallMillis, String stdout, String stderr, String error,
        List<UnitOutput> units, String limit) {

    public RunSummary {
        units = List.copyOf(units);
    }

    /** Make a summary of a run that hit no limit. */
    public RunSummary(int exitCode, boolean timedOut, long wallMillis, String stdout, String stderr, String error,
            List<UnitOutput> units) {
        this(exitCode, timedOut, wallMillis, stdout, stderr, error, units, null);
    }

    /**
     * Hold what one unit of work printed.
     *
     * @param label how the unit is shown, e.g. {@code Process-1 (pid 4242) test_1(64)}
     * @param kind {@code process}, {@code task} or {@code main}
     * @param output what it printed on stdout
     * @param error the exception that ended it, or {@code null}
     */
    public record UnitOutput(String label, String kind, String output, String error) {}
}

package dev.grader.judge;

import dev.grader.run.Trace;
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
 * @param hangs where each process was blocked when the time limit stopped the run
 * @param timeline each process from start to end, each pool task on its worker, joins and kills, in time
 */
public record RunSummary(int exitCode, boolean timedOut, long wallMillis, String stdout, String stderr, String error,
        List<UnitOutput> units, String limit, List<Hang> hangs, List<Trace.Span> timeline) {

    public RunSummary {
        units = List.copyOf(units);
        hangs = hangs == null ? List.of() : List.copyOf(hangs);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /**
     * Hold where one process was blocked when the run was stopped.
     *
     * @param process which process ("main process", "Process-2 receive()", "pool worker ForkPoolWorker-1")
     * @param blockedAt one line: what it was waiting in, and the student's line that called it
     * @param frames its stack, most recent call first, student lines at their notebook cell or file line
     */
    public record Hang(String process, String blockedAt, List<String> frames) {

        public Hang {
            frames = List.copyOf(frames);
        }
    }

    /** Make a summary of a run that hit no limit. */
    public RunSummary(int exitCode, boolean timedOut, long wallMillis, String stdout, String stderr, String error,
            List<UnitOutput> units) {
        this(exitCode, timedOut, wallMillis, stdout, stderr, error, units, null, List.of(), List.of());
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

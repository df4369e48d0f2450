package dev.grader.run;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Add up where the time of runs goes, over every run of this JVM: making the run's folder and control
 * groups, the program from its start to its exit (sandbox start and tracer included), and the end (killing
 * what is left, reading the trace, removing the folder). For {@code grade --timings} and the benchmark.
 */
public final class RunTimings {

    private static final LongAdder RUNS = new LongAdder();
    private static final LongAdder SETUP = new LongAdder();
    private static final LongAdder PROGRAM = new LongAdder();
    private static final LongAdder TEARDOWN = new LongAdder();

    private RunTimings() {
    }

    static void add(long setupNanos, long programNanos, long teardownNanos) {
        RUNS.increment();
        SETUP.add(setupNanos);
        PROGRAM.add(programNanos);
        TEARDOWN.add(teardownNanos);
    }

    /** Return how many runs were timed. */
    public static long runs() {
        return RUNS.sum();
    }

    /** Describe the mean of each part of a run, in milliseconds. */
    public static String describe() {
        long n = Math.max(1, RUNS.sum());
        return String.format(Locale.ROOT, "%d runs, mean per run: setup %.1f ms, program %.1f ms (sandbox and tracer "
                + "start included), teardown %.1f ms", RUNS.sum(), SETUP.sum() / 1e6 / n, PROGRAM.sum() / 1e6 / n,
                TEARDOWN.sum() / 1e6 / n);
    }
}

package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckType;
import dev.grader.run.Trace;
import java.util.function.UnaryOperator;

/**
 * Decide a check on the part of the run's trace it is about: a process check sees no threads, a thread check sees
 * threads and child processes, a pool check sees the pools of processes, an executor check the pools of threads.
 */
abstract class TraceCheck implements CheckType {

    private final UnaryOperator<Trace> view;

    /**
     * Make the check.
     *
     * @param view the part of the trace it sees
     */
    TraceCheck(UnaryOperator<Trace> view) {
        this.view = view;
    }

    /** Return the part of the run's trace the check is about. */
    Trace seen(CheckContext ctx) {
        return view.apply(ctx.trace());
    }
}

package dev.grader.judge.checks;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Decide {@code workers_print}. */
public final class WorkersPrintCheck extends ChildrenPrintBase {

    /** Make the check. */
    public WorkersPrintCheck() {
        super(UnaryOperator.identity());
    }

    @Override
    public String name() {
        return "workers_print";
    }

    @Override
    public String description() {
        return "Passes when some thread, or a task of a pool of threads, printed (or logged); printing only in the "
                + "main thread fails it.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

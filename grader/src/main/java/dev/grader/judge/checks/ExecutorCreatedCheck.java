package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code executor_created}. */
public final class ExecutorCreatedCheck extends PoolCreatedBase {

    /** Make the check. */
    public ExecutorCreatedCheck() {
        super(Trace::threadPoolsOnly);
    }

    @Override
    public String name() {
        return "executor_created";
    }

    @Override
    public String description() {
        return "Passes when the answer created a pool of threads: a Java ExecutorService, or in Python a "
                + "concurrent.futures.ThreadPoolExecutor or a multiprocessing.pool.ThreadPool; names each with its "
                + "size and line.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

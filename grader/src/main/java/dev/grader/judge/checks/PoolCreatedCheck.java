package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code pool_created}. */
public final class PoolCreatedCheck extends PoolCreatedBase {

    /** Make the check. */
    public PoolCreatedCheck() {
        super(Trace::withoutThreads);
    }

    @Override
    public String name() {
        return "pool_created";
    }

    @Override
    public String description() {
        return "Passes when the answer created a multiprocessing.Pool or a ProcessPoolExecutor; names each with its "
                + "size and line.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

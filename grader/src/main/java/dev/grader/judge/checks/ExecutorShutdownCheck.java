package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code executor_shutdown}. */
public final class ExecutorShutdownCheck extends PoolClosedBase {

    /** Make the check. */
    public ExecutorShutdownCheck() {
        super(Trace::threadPoolsOnly);
    }

    @Override
    public String name() {
        return "executor_shutdown";
    }

    @Override
    public String description() {
        return "Passes when every pool of threads the answer created was shut down: shutdown() or "
                + "try-with-resources in Java; shutdown(), a with block, or a ThreadPool's close() or terminate() "
                + "in Python; names each one never shut down.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

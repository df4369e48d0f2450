package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code executor_shutdown}. */
public final class ExecutorShutdownCheck extends PoolClosedBase {

    @Override
    public String name() {
        return "executor_shutdown";
    }

    @Override
    public String description() {
        return "Passes when every executor the answer created was shut down, or closed by try-with-resources; names "
                + "each one never shut down.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

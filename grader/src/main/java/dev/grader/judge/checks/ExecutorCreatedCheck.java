package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code executor_created}. */
public final class ExecutorCreatedCheck extends PoolCreatedBase {

    @Override
    public String name() {
        return "executor_created";
    }

    @Override
    public String description() {
        return "Passes when the answer created an ExecutorService; names each with its size and line.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

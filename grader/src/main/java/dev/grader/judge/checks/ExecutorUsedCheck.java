package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code executor_used}. */
public final class ExecutorUsedCheck extends PoolUsedBase {

    @Override
    public String name() {
        return "executor_used";
    }

    @Override
    public String description() {
        return "Passes when the answer handed work to an executor: submit, execute, invokeAll, invokeAny; names "
                + "each call.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code executor_used}. */
public final class ExecutorUsedCheck extends PoolUsedBase {

    /** Make the check. */
    public ExecutorUsedCheck() {
        super(Trace::threadPoolsOnly);
    }

    @Override
    public String name() {
        return "executor_used";
    }

    @Override
    public String description() {
        return "Passes when the answer handed work to a pool of threads: submit, execute, invokeAll, invokeAny in "
                + "Java; submit or map (apply, imap, ... on a ThreadPool) in Python; names each call.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

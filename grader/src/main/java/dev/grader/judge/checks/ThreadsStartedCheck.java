package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code threads_started}. */
public final class ThreadsStartedCheck extends ProcessesStartedBase {

    /** Count threads. */
    public ThreadsStartedCheck() {
        super("thread", "threads", "executor worker");
    }

    @Override
    public String name() {
        return "threads_started";
    }

    @Override
    public String description() {
        return "Passes when at least min threads were started: the answer's own when it started any, else its "
                + "executors' workers.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

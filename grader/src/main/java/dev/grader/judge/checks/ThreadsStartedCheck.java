package dev.grader.judge.checks;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Decide {@code threads_started}. */
public final class ThreadsStartedCheck extends ProcessesStartedBase {

    /** Count threads. */
    public ThreadsStartedCheck() {
        super("thread", "threads", "executor worker", UnaryOperator.identity());
    }

    @Override
    boolean together() {
        return false;
    }

    @Override
    public String name() {
        return "threads_started";
    }

    @Override
    public String description() {
        return "Passes when at least min threads (or child processes) were started: the answer's own when it "
                + "started any, else the workers of its pools of threads. Every thread counts, whichever cell "
                + "started it (together: true counts those of different cells only when they ran at once).";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

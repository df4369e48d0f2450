package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code thread_started}. */
public final class ThreadStartedCheck extends StartedCheck {

    @Override
    public String name() {
        return "thread_started";
    }

    @Override
    public String description() {
        return "Passes when the answer started a Thread (or a child process) of its own; an executor's workers are "
                + "not the answer's own, and run() called instead of start() is named.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

package dev.grader.judge.checks;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Decide {@code thread_started}. */
public final class ThreadStartedCheck extends StartedCheck {

    /** Make the check. */
    public ThreadStartedCheck() {
        super("no Thread or child process was started",
                "only executor workers ran: no Thread was started by the answer", UnaryOperator.identity(), "thread");
    }

    @Override
    public String name() {
        return "thread_started";
    }

    @Override
    public String description() {
        return "Passes when the answer started a thread of its own (a Thread; a child process counts too); a pool's "
                + "workers are not the answer's own, and run() called instead of start() is named.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

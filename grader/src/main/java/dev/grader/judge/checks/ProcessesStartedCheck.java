package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code processes_started}. */
public final class ProcessesStartedCheck extends ProcessesStartedBase {

    /** Count processes. */
    public ProcessesStartedCheck() {
        super("process", "processes", "pool worker", Trace::withoutThreads);
    }

    @Override
    boolean together() {
        return true;
    }

    @Override
    public String name() {
        return "processes_started";
    }

    @Override
    public String description() {
        return "Passes when at least min processes were started: the answer's own Process objects when it started "
                + "any, else its pools' workers. Processes started by different cells count together only when they "
                + "ran at the same time (together: false counts every one).";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code process_joined}. */
public final class ProcessJoinedCheck extends JoinedCheck {

    /** Make the check. */
    public ProcessJoinedCheck() {
        super(Trace::withoutThreads, "process");
    }

    @Override
    public String name() {
        return "process_joined";
    }

    @Override
    public String description() {
        return "Passes when every process the answer started was joined by the answer's own join() (not the "
                + "implicit join at exit); names each process never joined with its start line.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

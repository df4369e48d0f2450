package dev.grader.judge.checks;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Decide {@code thread_joined}. */
public final class ThreadJoinedCheck extends JoinedCheck {

    /** Make the check. */
    public ThreadJoinedCheck() {
        super(UnaryOperator.identity(), "thread");
    }

    @Override
    public String name() {
        return "thread_joined";
    }

    @Override
    public String description() {
        return "Passes when every thread (or child process) the answer started was joined by the answer's own "
                + "join(); names each one never joined.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }
}

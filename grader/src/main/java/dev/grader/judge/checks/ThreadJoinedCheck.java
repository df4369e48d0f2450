package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code thread_joined}. */
public final class ThreadJoinedCheck extends JoinedCheck {

    @Override
    public String name() {
        return "thread_joined";
    }

    @Override
    public String description() {
        return "Passes when every thread the answer started was joined by the answer's own join(); names each "
                + "thread never joined.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code pool_closed}. */
public final class PoolClosedCheck extends PoolClosedBase {

    /** Make the check. */
    public PoolClosedCheck() {
        super(Trace::withoutThreads);
    }

    @Override
    public String name() {
        return "pool_closed";
    }

    @Override
    public String description() {
        return "Passes when every pool the answer created was released: a with block, close() (with or without "
                + "join()), terminate() or an executor's shutdown(); names each pool never closed.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code pool_used}. */
public final class PoolUsedCheck extends PoolUsedBase {

    /** Make the check. */
    public PoolUsedCheck() {
        super(Trace::withoutThreads);
    }

    @Override
    public String name() {
        return "pool_used";
    }

    @Override
    public String description() {
        return "Passes when the answer handed work to a pool: map, starmap, imap, apply, apply_async, map_async, "
                + "submit; names each call with its function and line.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import java.util.List;
import java.util.Set;

/** Decide {@code lock_used}: the answer acquired and released a lock of its own. */
public final class LockUsedCheck extends UsesBase {

    @Override
    public String name() {
        return "lock_used";
    }

    @Override
    public String description() {
        return "Passes when the answer's code made a lock (threading.Lock or RLock, multiprocessing.Lock or RLock) "
                + "and both acquired and released it: acquire() and release(), or a with block; the same as uses "
                + "with object: Lock.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        return decide(ctx, "Lock", List.of(), 1);
    }
}

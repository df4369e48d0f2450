package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import java.util.List;
import java.util.Set;

/** Decide {@code queue_used}: the answer put something on a queue of its own and got something from it. */
public final class QueueUsedCheck extends UsesBase {

    @Override
    public String name() {
        return "queue_used";
    }

    @Override
    public String description() {
        return "Passes when the answer's code made a queue (queue.Queue, LifoQueue, PriorityQueue, or a "
                + "multiprocessing Queue, JoinableQueue or SimpleQueue) and both put something on it and got "
                + "something from it; the same as uses with object: Queue.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        return decide(ctx, "Queue", List.of(), 1);
    }
}

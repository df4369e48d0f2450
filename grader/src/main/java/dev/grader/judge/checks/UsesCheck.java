package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.rubric.Param;
import java.util.List;
import java.util.Set;

/** Decide {@code uses}: the answer made an object of a kind and used it, each of its methods at least min times. */
public final class UsesCheck extends UsesBase {

    @Override
    public String name() {
        return "uses";
    }

    @Override
    public String description() {
        return "Passes when the answer's code made an object of the kind named (a Queue, Pipe, Lock, Semaphore, "
                + "Event, Condition, Barrier, Value, Array, Manager, SharedMemory; of threading, queue or "
                + "multiprocessing) and called each of its methods at least min times on one of them: by default both "
                + "ends of it (put and get, send and recv, acquire and release, a with block counting; set and wait). "
                + "A Queue may be any queue, a Lock an RLock.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("object", Param.Type.CHOICE, null, "The kind of object.", USES::keySet),
                new Param("min", Param.Type.COUNT, 1, "How many calls of each method are needed."),
                new Param("methods", Param.Type.CHOICES, List.of(), "The methods that must be called; both ends of "
                        + "the object when absent.", UsesBase::methods));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public String example() {
        return "- check: uses\n  object: Queue\n  min: 1\n  points: 1\n";
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        List<?> methods = ctx.check().params().get("methods") instanceof List<?> l ? l : List.of();
        return decide(ctx, ctx.text("object"), methods.stream().map(String::valueOf).toList(), ctx.count("min"));
    }
}

package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code children_print}. */
public final class ChildrenPrintCheck extends ChildrenPrintBase {

    /** Make the check. */
    public ChildrenPrintCheck() {
        super(Trace::withoutThreads);
    }

    @Override
    public String name() {
        return "children_print";
    }

    @Override
    public String description() {
        return "Passes when some unit of work in a child process (a process's run, a pool task) printed, or logged; "
                + "printing only in the parent fails it.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}

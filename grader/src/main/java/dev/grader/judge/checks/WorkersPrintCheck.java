package dev.grader.judge.checks;

import java.util.Set;

/** Decide {@code workers_print}. */
public final class WorkersPrintCheck extends ChildrenPrintBase {

    @Override
    public String name() {
        return "workers_print";
    }

    @Override
    public String description() {
        return "Passes when some thread or executor task printed; printing only in main fails it.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }
}

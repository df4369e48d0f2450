package dev.grader.run;

import java.util.concurrent.CompletableFuture;

/**
 * Stand for a runner still being made (its sandbox probed) while the rest of the grader starts, so that the
 * probe and the analysis helper's start overlap. Every call waits for the runner.
 */
public final class DeferredRunner implements Runner {

    private final CompletableFuture<? extends Runner> runner;

    /** Wrap a runner being made; it must not complete with {@code null} before a run is asked for. */
    public DeferredRunner(CompletableFuture<? extends Runner> runner) {
        this.runner = runner;
    }

    @Override
    public RunResult run(RunSpec spec) {
        return runner.join().run(spec);
    }

    @Override
    public String isolation() {
        return runner.join().isolation();
    }
}

package dev.grader.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Run work items on a fixed number of threads and hand the results back in input order.
 *
 * <p>Input order, not completion order, keeps every report of a batch the same from run to run.
 */
public final class WorkerPool implements AutoCloseable {

    private final ExecutorService executor;

    /** Make a pool of {@code jobs} threads (at least one). */
    public WorkerPool(int jobs) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "grader-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Apply the work to every item, in parallel, and return the results in the items' order.
     *
     * <p>The work function must turn its own failures into results; an exception that escapes it is
     * rethrown here, after every other item has finished.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(submit(() -> work.apply(item)));
        }
        return collect(futures);
    }

    /** Start one work item now, so items can be queued while the next ones are still being prepared. */
    public <R> Future<R> submit(Supplier<R> work) {
        return executor.submit(work::get);
    }

    /**
     * Wait for every item and return the results in the futures' order; an exception that escaped an item is
     * rethrown here, after every other item has finished.
     */
    public <R> List<R> collect(List<Future<R>> futures) {
        List<R> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            } catch (ExecutionException e) {
                results.add(null);
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Run every spec with the runner; a runner that throws gives a result carrying the error. */
    public List<RunResult> runAll(Runner runner, List<RunSpec> specs) {
        return map(specs, spec -> {
            try {
                return runner.run(spec);
            } catch (RuntimeException e) {
                return new RunResult(spec.key(), -1, false, false, "", "", 0, Trace.empty(), "grader error: " + e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

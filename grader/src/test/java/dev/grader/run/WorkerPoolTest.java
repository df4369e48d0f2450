package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand results back in input order, whatever order the work finished in. */
class WorkerPoolTest {

    @Test
    void resultsComeBackInInputOrder() {
        try (WorkerPool pool = new WorkerPool(3)) {
            List<Integer> out = pool.map(List.of(300, 10, 200, 1), ms -> {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ms;
            });
            assertEquals(List.of(300, 10, 200, 1), out);
        }
    }

    @Test
    void aThrowingRunnerBecomesAResultWithAnError() {
        Runner broken = new Runner() {
            @Override
            public RunResult run(RunSpec spec) {
                throw new IllegalStateException("boom " + spec.key());
            }

            @Override
            public String isolation() {
                return "none";
            }
        };
        try (WorkerPool pool = new WorkerPool(2)) {
            List<RunResult> r = pool.runAll(broken, List.of(new RunSpec("a", "", "", Duration.ofSeconds(1), 10)));
            assertEquals("grader error: java.lang.IllegalStateException: boom a", r.get(0).error());
            assertThrows(IllegalArgumentException.class, () -> pool.map(List.of(1), x -> {
                throw new IllegalArgumentException("bad");
            }));
        }
    }
}

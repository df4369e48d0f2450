package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.build.JavaProgramBuilder;
import dev.grader.build.Program;
import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.segment.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Run a compiled Java answer in a child JVM under the harness in every isolation layer this machine offers. */
class JvmLayersTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(8), Duration.ofSeconds(8), 256L << 20, 96,
            8L << 20, 64L << 10);

    private static Program compile(String file) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/run/java").resolve(file));
        int n = text.split("\n", -1).length;
        Cell cell = new Cell(0, CellKind.CODE, text, IntStream.rangeClosed(1, n).boxed().toList(), file);
        Program p = new JavaProgramBuilder(Runtime.version().feature()).build(
                new Answer("Q6", true, "test", List.of(cell), List.of()), 6, "", Map.of()).program();
        assertEquals(null, p.syntaxError());
        return p;
    }

    @ParameterizedTest
    @EnumSource(Sandbox.Layer.class)
    void threadsOutputAndAnExecutorLeftRunningAreSeenInEveryLayer(Sandbox.Layer layer) throws Exception {
        LocalRunner r = new LocalRunner(new JvmToolchain(), null, layer);
        assumeTrue(r.sandbox().layer() == layer, "this machine does not offer the " + layer.label() + " layer: "
                + r.isolation());
        Program p = compile("FourThreads.java");
        RunResult run = r.run(new RunSpec("four", "", "", LIMITS, null, p.jvm().classes(),
                List.of("main", p.jvm().mainClass())));
        assertEquals(null, run.error(), run.stderr());
        assertEquals(0, run.exitCode(), run.stderr());
        Trace t = run.trace();
        assertEquals(4, t.processes().stream().filter(x -> !x.poolWorker() && x.joined()).count(), t.toString());
        assertEquals(List.of("thread 1", "thread 2", "thread 3", "thread 4"), t.units().stream()
                .filter(u -> u.kind().equals("thread")).map(u -> u.stdout().strip()).sorted().toList());
        assertNotNull(t.keptAlive(), "the pool never shut down keeps the JVM alive: " + run.stderr());
        assertEquals(List.of("pool-1"), t.keptAlive().pools());
        assertTrue(run.wallMillis() < 6000, "named before the time limit: " + run.wallMillis() + " ms");
        assertEquals(List.of(), Reaper.anyRun());
    }
}

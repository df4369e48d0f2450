package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.python.Interpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run programs forked from the warm interpreter and started for themselves, for real, and compare: a forked run sees
 * what {@code python3 main.py} sees, and nothing one run does reaches the zygote or the runs after it.
 */
class ZygoteTest {

    private static final Path RES = Path.of("src/test/resources/zygote");
    private static LocalRunner forking;
    private static LocalRunner starting;

    @BeforeAll
    static void runners() throws Exception {
        Interpreter python = Interpreter.probe("python3");
        forking = new LocalRunner(new PythonToolchain(python), null, Sandbox.Layer.BUBBLEWRAP, true);
        starting = new LocalRunner(new PythonToolchain(python), null, Sandbox.Layer.BUBBLEWRAP, false);
        assumeTrue(forking.sandbox().forks(), "runs are not forked here: " + forking.launcher());
        assertTrue(forking.launcher().startsWith("zygote on"), forking.launcher());
    }

    private static RunResult run(LocalRunner r, String file, String stdin) throws IOException {
        return r.run(new RunSpec(file, Files.readString(RES.resolve(file)), stdin, Duration.ofSeconds(30), 1 << 20));
    }

    @Test
    void aForkedRunSeesWhatPython3MainPySees() throws IOException {
        long before = forking.forked();
        RunResult forked = run(forking, "as_python_runs_it.py", "line one\nline two\n");
        RunResult started = run(starting, "as_python_runs_it.py", "line one\nline two\n");
        assertEquals(before + 1, forking.forked());
        assertEquals(3, started.exitCode(), started.stdout() + started.stderr());
        assertTrue(started.stdout().contains("spawn ('child', '__mp_main__', True)")
                && started.stdout().contains("atexit ran"), started.stdout());
        assertEquals(started.stdout(), forked.stdout());
        assertEquals(started.stderr(), forked.stderr());
        assertEquals(started.exitCode(), forked.exitCode());
    }

    @Test
    void anUncaughtExceptionEndsAForkedRunAsItEndsABareOne() throws IOException {
        RunResult forked = run(forking, "raises.py", "");
        RunResult started = run(starting, "raises.py", "");
        assertEquals(1, forked.exitCode());
        assertTrue(forked.stderr().startsWith("Traceback (most recent call last):\n  File \"/work/main.py\", line 5"),
                forked.stderr());
        assertEquals(started.stderr(), forked.stderr());
    }

    @Test
    void aRunThatTampersReachesNeitherTheZygoteNorTheNextRun() throws IOException {
        long before = forking.forked();
        RunResult tampered = run(forking, "tampers.py", "");
        assertTrue(tampered.stdout().contains("tampered"), tampered.stdout() + tampered.stderr());
        for (int i = 0; i < 2; i++) {
            RunResult after = run(forking, "after_tampering.py", "");
            assertEquals(List.of("{\"a\": 1} /work False False", "child ran", "exit code 0"),
                    after.stdout().lines().toList(), after.stderr());
        }
        assertEquals(before + 3, forking.forked());
        assertTrue(forking.launcher().startsWith("zygote on"), forking.launcher());
        assertEquals(List.of(), Reaper.anyRun());
    }
}

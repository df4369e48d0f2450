package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.python.Interpreter;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run real programs in real child interpreters and check what the tracer and the runner saw. */
class LocalRunnerTest {

    private static final Path RES = Path.of("src/test/resources/run");
    private static Interpreter python;
    private static LocalRunner runner;

    @BeforeAll
    static void probe() throws Exception {
        python = Interpreter.probe("python3");
        runner = new LocalRunner(python);
    }

    private static RunResult run(String file, String stdin, Duration timeout, long maxOutput) throws IOException {
        return runner.run(new RunSpec(file, Files.readString(RES.resolve(file)), stdin, timeout, maxOutput));
    }

    private static RunResult run(String file) throws IOException {
        return run(file, "", Duration.ofSeconds(20), 1 << 20);
    }

    @Test
    void startedProcessesAndOnlyExplicitJoinsAreRecordedAtTheirLines() throws IOException {
        RunResult r = run("start_join.py");
        assertTrue(r.succeeded(), r.stderr());
        List<ProcessRecord> ps = r.trace().processes();
        assertEquals(2, ps.size(), ps.toString());
        ProcessRecord joined = ps.get(0);
        ProcessRecord forgotten = ps.get(1);
        assertEquals("hello", joined.target());
        assertEquals(9, joined.createdLine());
        assertEquals(11, joined.startLine());
        assertEquals(13, joined.joinLine());
        assertTrue(joined.started());
        assertEquals(12, forgotten.startLine());
        // multiprocessing joins it at exit by itself: that is not the student's join
        assertFalse(forgotten.joined());
        assertEquals(List.of("hello one\n", "hello two\n"), r.trace().units().stream().map(Unit::stdout).toList());
        assertEquals("parent done\n", r.trace().mainOutput());
        // the timeline: both processes ran for a while, only the first was joined, by the student
        List<Trace.Span> spans = r.trace().timeline();
        assertTrue(spans.stream().anyMatch(b -> b.lane().equals("main") && b.kind().equals("alive")), spans.toString());
        assertEquals(2, spans.stream().filter(b -> b.kind().equals("alive") && b.lane().startsWith("Process-")).count(),
                spans.toString());
        assertEquals(List.of(joined.name()), spans.stream().filter(b -> b.kind().equals("join")).map(Trace.Span::lane)
                .toList());
        assertTrue(spans.stream().allMatch(b -> b.fromMs() <= b.toMs()), spans.toString());
    }

    @Test
    void everyPoolCallItsItemsAndHowThePoolWasReleasedAreRecorded() throws IOException {
        RunResult r = run("pools.py");
        assertTrue(r.succeeded(), r.stderr());
        List<PoolRecord> pools = r.trace().pools();
        assertEquals(3, pools.size(), pools.toString());
        PoolRecord with = pools.get(0);
        assertEquals(List.of("map", "starmap", "apply_async", "imap"), with.calls().stream().map(Trace.PoolCall::method).toList());
        assertEquals(16, with.calls().get(0).line());
        assertNotEquals(0, with.exitLine());
        assertEquals(0, with.closeLine());
        assertEquals(2, with.workerPids().size());
        PoolRecord leaky = pools.get(1);
        assertEquals(22, leaky.closeLine());
        assertEquals(0, leaky.joinLine());
        assertTrue(leaky.released());
        PoolRecord never = pools.get(2);
        assertFalse(never.released());
        assertEquals(List.of("apply"), never.calls().stream().map(Trace.PoolCall::method).toList());
        List<Unit> tasks = r.trace().units();
        assertEquals(11, tasks.size(), tasks.toString());
        assertTrue(tasks.stream().allMatch(u -> u.kind().equals("task") && u.finished()));
        Set<String> outputs = new TreeSet<>();
        tasks.forEach(u -> outputs.add(u.stdout().strip()));
        assertEquals(Set.of("task 1", "task 2", "task 3", "task 4", "task 5", "task 6", "task 7", "task 8", "task 9",
                "sum 3", "sum 7"), outputs);
        assertEquals(5, r.trace().processes().stream().filter(ProcessRecord::poolWorker).count());
    }

    @Test
    void processPoolExecutorIsAPoolWithOneUnitPerItem() throws IOException {
        RunResult r = run("executor.py");
        assertTrue(r.succeeded(), r.stderr());
        PoolRecord ex = r.trace().pools().get(0);
        assertEquals("ProcessPoolExecutor", ex.kind());
        assertEquals(List.of("map", "submit"), ex.calls().stream().map(Trace.PoolCall::method).toList());
        assertNotEquals(0, ex.exitLine());
        assertEquals(List.of("double 1", "double 10", "double 2", "double 3"),
                r.trace().units().stream().map(u -> u.stdout().strip()).sorted().toList());
        assertTrue(r.stdout().contains("[2, 4, 6]\n20\n"), r.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void childrenAreTracedUnderEveryStartMethod(String method) throws IOException {
        RunResult r = run("start_methods.py", method + "\n", Duration.ofSeconds(30), 1 << 20);
        assertTrue(r.succeeded(), r.stderr());
        List<Unit> units = r.trace().units();
        assertEquals(List.of("number 1\n", "number 2\n", "number 3\n", "number 4\n"), units.stream().map(Unit::stdout).toList());
        assertEquals(List.of("process-1", "process-2", "process-3", "process-4"), units.stream().map(Unit::id).toList());
        assertTrue(r.trace().processes().stream().allMatch(p -> p.joined() && p.started()));
    }

    @Test
    void tracingDoesNotChangeWhatTheProgramPrints(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // Process children flush at exit, so their output is deterministic with or without the tracer
        RunResult traced = run("start_join.py");
        Files.copy(RES.resolve("start_join.py"), tmp.resolve("main.py"));
        ProcessBuilder pb = new ProcessBuilder(python.executable().toString(), "main.py").directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectErrorStream(false);
        Process p = pb.start();
        p.getOutputStream().close();
        String bare = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(sortedLines(bare), sortedLines(traced.stdout()));
        assertEquals(p.exitValue(), traced.exitCode());
    }

    @Test
    void theTracerLoadsNoModuleOfItsOwnIntoAProgramWithoutMultiprocessing(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        // every process of a run started for itself pays for what the tracer imports before the student's code
        // starts (a run forked from a warm interpreter finds them loaded, on purpose)
        LocalRunner own = new LocalRunner(new PythonToolchain(python), null, Sandbox.Layer.BUBBLEWRAP, false);
        RunResult traced = own.run(new RunSpec("loaded_modules.py", Files.readString(RES.resolve("loaded_modules.py")),
                "", Duration.ofSeconds(20), 1 << 20));
        assertEquals(0, traced.exitCode(), traced.stderr());
        Files.copy(RES.resolve("loaded_modules.py"), tmp.resolve("main.py"));
        ProcessBuilder pb = new ProcessBuilder(python.executable().toString(), "main.py").directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"));
        Process p = pb.start();
        p.getOutputStream().close();
        String bare = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Set<String> added = new TreeSet<>(Arrays.asList(traced.stdout().strip().split(" ")));
        added.removeAll(Arrays.asList(bare.strip().split(" ")));
        added.removeIf(m -> m.equals("sitecustomize") || m.equals("_grader_tracer") || m.startsWith("encodings."));
        assertEquals(Set.of(), added, "modules the tracer loaded: " + added);
    }

    private static List<String> sortedLines(String s) {
        return Arrays.stream(s.split("\n")).sorted().toList();
    }

    @Test
    void anExceptionKeepsItsTracebackAndExitCode() throws IOException {
        RunResult r = run("raises.py");
        assertEquals(1, r.exitCode());
        assertFalse(r.succeeded());
        assertEquals("before\n", r.stdout());
        assertTrue(r.stderr().contains("Traceback (most recent call last)"), r.stderr());
        assertTrue(r.stderr().contains("ValueError: bad value"), r.stderr());
        assertNull(r.error());
    }

    @Test
    void aDeadlockEndsAtTheTimeLimitWithEveryProcessKilled() throws IOException {
        RunResult r = run("pipe_deadlock.py", "", Duration.ofSeconds(2), 1 << 20);
        assertTrue(r.timedOut());
        assertFalse(r.succeeded());
        assertTrue(r.wallMillis() < 8000, "took " + r.wallMillis());
        assertEquals("1\n", r.trace().units().get(1).stdout());
        assertEquals(List.of(), Reaper.anyRun(), "processes of the run are still alive");
        // before the kill, every process said where it was blocked
        assertEquals(2, r.stacks().size(), r.stacks().toString());
        assertTrue(r.stacks().stream().anyMatch(d -> d.frames().get(0).function().equals("_recv")
                && d.frames().stream().anyMatch(f -> f.file().endsWith("/main.py"))), r.stacks().toString());
        assertTrue(r.stacks().stream().anyMatch(d -> d.frames().stream().anyMatch(f -> f.function().equals("join"))),
                r.stacks().toString());
    }

    @Test
    void aGrandchildThatLeftTheTreeAndIgnoresSigtermIsKilled() throws IOException {
        RunResult r = run("escape.py");
        assertTrue(r.succeeded(), r.stderr());
        assertTrue(r.stdout().strip().matches("\\d+"), r.stdout());
        assertEquals(List.of(), Reaper.anyRun(), "the escaped grandchild is still alive");
    }

    @Test
    void anOutputFloodStopsAtTheCap() throws IOException {
        RunResult r = run("flood.py", "", Duration.ofSeconds(20), 10_000);
        assertTrue(r.outputLimitHit());
        assertFalse(r.timedOut());
        assertEquals(10_000, r.stdout().length());
        assertTrue(r.wallMillis() < 10_000, "took " + r.wallMillis());
    }

    @Test
    void stdinIsFedAndOnlyTheRunnersEnvironmentIsVisible() throws IOException {
        Set<Path> before = runDirs();
        RunResult r = run("env_stdin.py", "forty-two\n", Duration.ofSeconds(20), 1 << 20);
        assertTrue(r.succeeded(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals("forty-two", lines[0]);
        Set<String> allowed = Set.of("GRADER_MAIN", "GRADER_RUN", "GRADER_TRACE", "HOME", "LANG", "LC_ALL",
                "OPENBLAS_NUM_THREADS", "PATH", "PWD", "PYTHONDONTWRITEBYTECODE", "PYTHONIOENCODING", "PYTHONPATH", "TMPDIR");
        assertTrue(allowed.containsAll(Arrays.asList(lines[1].split(" "))), lines[1]);
        assertTrue(lines[2].endsWith("/work"), lines[2]);
        assertEquals(before, runDirs(), "run directory left behind");
    }

    private static Set<Path> runDirs() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("grader-run-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aMissingInterpreterIsAnErrorOnTheResultNotAnException() {
        Interpreter gone = new Interpreter("nope", Path.of("/nonexistent/python3"), "3.11.0");
        RunResult r = new LocalRunner(gone).run(new RunSpec("k", "print(1)\n", "", Duration.ofSeconds(5), 1000));
        assertTrue(r.error().startsWith("environment: the Python interpreter /nonexistent/python3"), r.error());
        assertEquals(-1, r.exitCode());
        assertTrue(new LocalRunner(gone).isolation().contains("NO SANDBOX"));
    }
}

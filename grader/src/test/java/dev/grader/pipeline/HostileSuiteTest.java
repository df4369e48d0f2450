package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.judge.BatchResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.python.Interpreter;
import dev.grader.report.ReportWriter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.PythonToolchain;
import dev.grader.run.Limits;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grade a batch of hostile submissions together with good ones, in the best isolation layer this machine
 * offers, with real child processes: every submission gets its row, each limit hit is named, no process
 * of any run survives, nothing outside the run directories changes, and the good submissions get the
 * verdicts they get when graded alone.
 */
class HostileSuiteTest {

    private static final Path RES = Path.of("src/test/resources/hostile");
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(4), Duration.ofSeconds(2), 256L << 20, 32,
            8L << 20, 64L << 10);
    private static final String SECRET = "SECRET-OTHER-STUDENT-7f3a";
    private static final String GOOD_A = "ipynb_clean";
    private static final String GOOD_B = "py_comment_markers";

    private static Path tmp;
    private static Path batchDir;
    private static Path reports;
    private static String marker;
    private static ServerSocket server;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static Set<String> shmBefore;
    private static BatchResult batch;
    private static BatchResult alone;
    private static LocalRunner runner;

    @BeforeAll
    static void gradeTheHostileBatch() throws Exception {
        tmp = Files.createTempDirectory("hostile-");
        batchDir = Files.createDirectories(tmp.resolve("batch"));
        reports = tmp.resolve("reports");
        marker = "grader-hostile-" + HexFormat.of().formatHex(new byte[] {(byte) System.nanoTime(), 7, 9});
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep listening until the test closes the server
                } catch (IOException e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        Map<String, String> subst = Map.of("@PORT@", Integer.toString(server.getLocalPort()), "@HOST@", "localhost",
                "@TMP_MARKER@", "/tmp/" + marker + ".txt", "@SUBMISSIONS@", batchDir.toString(),
                "@SHM_MARKER@", marker, "@TMP_NAME@", marker, "@RUBRIC@",
                Path.of("../rubrics/multiprocessing.yaml").toAbsolutePath().normalize().toString());
        try (Stream<Path> files = Files.list(RES)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                for (Map.Entry<String, String> e : subst.entrySet()) {
                    text = text.replace(e.getKey(), e.getValue());
                }
                Files.writeString(batchDir.resolve(f.getFileName()), text);
            }
        }
        Files.writeString(batchDir.resolve("secret_other.py"), "# Q3\n# " + SECRET + "\nprint('mine')\n");
        Files.writeString(batchDir.resolve("<img src=x onerror=alert(1)>.py"),
                "# Q3\nprint('<script>alert(1)</script>')\n");
        Files.writeString(batchDir.resolve("malformed.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", \"source\": [");
        makeBigNotebook(batchDir.resolve("huge.ipynb"));
        makeHugeCodeNotebook(batchDir.resolve("huge_code.ipynb"));
        makeEvilZip(batchDir.resolve("evil.zip"));
        Files.copy(Path.of("../submissions", GOOD_A + ".ipynb"), batchDir.resolve(GOOD_A + ".ipynb"));
        Files.copy(Path.of("../submissions", GOOD_B + ".py"), batchDir.resolve(GOOD_B + ".py"));
        shmBefore = names(Path.of("/dev/shm"));

        Rubric rubric = RubricLoader.load(Path.of("../rubrics/multiprocessing.yaml")).with(LIMITS, null);
        Interpreter python = Interpreter.probe("python3");
        runner = new LocalRunner(python);
        // Hostile programs (a fork bomb among them) only run sandboxed; CI says it must be so, and fails otherwise.
        if (!"1".equals(System.getenv("GRADER_REQUIRE_SANDBOX"))) {
            assumeTrue(runner.sandbox().layer() == Sandbox.Layer.BUBBLEWRAP,
                    "no bubblewrap sandbox here, the hostile suite is skipped: " + runner.isolation());
        }
        try (Grader grader = new Grader(rubric, new PythonToolchain(python), runner, 2)) {
            batch = grader.grade(List.of(batchDir), s -> { });
        }
        new ReportWriter(null).write(batch, reports);
        try (Grader grader = new Grader(rubric, new PythonToolchain(python), runner, 1)) {
            alone = grader.grade(List.of(batchDir.resolve(GOOD_A + ".ipynb"), batchDir.resolve(GOOD_B + ".py")),
                    s -> { });
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (tmp != null) {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Make a notebook of 40 MB, as big notebooks are: outputs (here images) make up nearly all of it. */
    private static void makeBigNotebook(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [");
        sb.append("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"## Q3\"]}");
        String image = "iVBORw0KGgoAAAANSUhEUgAA".repeat(850);
        for (int i = 0; i < 2_000; i++) {
            sb.append(", {\"cell_type\": \"code\", \"metadata\": {}, \"execution_count\": 1, \"outputs\": [{\"output_type\": "
                    + "\"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"").append(image)
                    .append("\"}}], \"source\": [\"x = ").append(i).append("\"]}");
        }
        sb.append("]}");
        Files.writeString(file, sb.toString());
    }

    /** Make a notebook holding more code than a submission may: 50,000 lines of it. */
    private static void makeHugeCodeNotebook(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [");
        sb.append("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"## Q3\"]}");
        String filler = "x = 1  # " + "y".repeat(400);
        for (int i = 0; i < 50_000; i++) {
            sb.append(", {\"cell_type\": \"code\", \"metadata\": {}, \"execution_count\": null, \"outputs\": [], "
                    + "\"source\": [\"").append(filler).append("\"]}");
        }
        sb.append("]}");
        Files.writeString(file, sb.toString());
    }

    /** Make a zip whose entries climb out with ../ and include a symbolic link, with CPython's zipfile. */
    private static void makeEvilZip(Path file) throws Exception {
        String script = "import sys, zipfile\n"
                + "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                + "    z.writestr('../../" + marker + "-zip.py', '# Q3\\nprint(1)\\n')\n"
                + "    info = zipfile.ZipInfo('q3.py')\n"
                + "    info.external_attr = 0o120777 << 16\n"
                + "    z.writestr(info, '/etc/passwd')\n"
                + "    z.writestr('q5.py', 'print(2)\\n')\n";
        Process p = new ProcessBuilder("python3", "-c", script, file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static SubmissionResult sub(String id) {
        return batch.submissions().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id));
    }

    private static QuestionResult q3(String id) {
        return sub(id).questions().stream().filter(q -> q.id().equals("Q3")).findFirst().orElseThrow();
    }

    private static String q3Output(String id) {
        QuestionResult q = q3(id);
        return q.run() == null ? "" : q.run().stdout() + q.run().stderr();
    }

    @Test
    void theBatchRunsInTheBestLayerAndEverySubmissionHasItsRow() throws IOException {
        assertEquals(Sandbox.Layer.BUBBLEWRAP, runner.sandbox().layer(), runner.isolation());
        Set<String> ids = batch.submissions().stream().map(SubmissionResult::id).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(batchDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                assertTrue(ids.contains(id), "no row for " + name + " in " + ids);
            }
        }
        assertTrue(Files.readString(reports.resolve("grades.csv")).contains("fork_bomb"));
    }

    @Test
    void eachLimitHitIsNamed() {
        assertEquals("more than 32 processes and threads", q3("fork_bomb").run().limit());
        assertEquals("CPU time limit 2 s per process exceeded", q3("infinite_loop").run().limit());
        assertEquals("memory limit 256 MiB exceeded", q3("memory_hog").run().limit());
        assertEquals("output limit 64 KiB exceeded", q3("output_flood").run().limit());
        assertTrue(q3("fills_disk").run().limit().matches("(disk|file size) limit .* exceeded.*"),
                q3("fills_disk").run().limit());
        for (String id : List.of("fork_bomb", "infinite_loop", "memory_hog", "output_flood", "fills_disk")) {
            assertEquals("limit", q3(id).status(), id);
        }
        assertTrue(q3("fills_disk").run().stdout().contains("full /tmp OSError"), q3Output("fills_disk"));
        assertTrue(q3("fills_disk").run().stdout().contains("full /dev/shm OSError"), q3Output("fills_disk"));
    }

    @Test
    void noProcessOfAnyRunSurvives() throws IOException {
        List<Long> left = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    if (new String(env, StandardCharsets.ISO_8859_1).contains("GRADER_RUN=")) {
                        left.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        }
        assertEquals(List.of(), left);
        assertTrue(q3("orphan_daemon").run().stdout().contains("parent leaves"), q3Output("orphan_daemon"));
        assertTrue(q3("ignores_sigterm").run().stdout().contains("asked it to stop"), q3Output("ignores_sigterm"));
    }

    @Test
    void nothingOutsideTheRunDirectoriesChanges() throws IOException {
        assertFalse(Files.exists(Path.of("/tmp/" + marker + ".txt")), "wrote the host's /tmp");
        assertFalse(Files.exists(Path.of("/var/tmp/" + marker)), "wrote /var/tmp");
        assertFalse(Files.exists(batchDir.resolve("planted.py")), "wrote into the submissions folder");
        assertFalse(Files.exists(tmp.resolve(marker + "-zip.py")), "the zip climbed out of its folder");
        assertFalse(Files.exists(Path.of("/tmp").resolve(marker + "-zip.py")), "the zip climbed out of its folder");
        assertEquals(shmBefore, names(Path.of("/dev/shm")), "the host's /dev/shm changed");
        // writes inside the sandbox's own /tmp or root may succeed; none reaches the host
        assertFalse(Files.exists(Path.of("/escaped-home.txt")), "wrote the host's root folder");
        assertTrue(q3Output("writes_outside").contains("could not write " + batchDir), q3Output("writes_outside"));
    }

    @Test
    void noRunReadsAnotherSubmissionTheRubricOrTheHostsSecrets() throws IOException {
        String out = q3Output("reads_others");
        assertTrue(out.contains("could not read"), out);
        assertFalse(out.contains(SECRET), out);
        assertFalse(out.contains("assignment:"), out);
        assertFalse(out.contains("root:"), out);
        String all = Files.readString(reports.resolve("results.json"));
        assertFalse(all.contains("root:x:0:0"), "a planted link was followed");
        assertNotNull(q3("plants_symlinks").run());
        assertTrue(q3("plants_symlinks").status().equals("timeout"), q3("plants_symlinks").status());
    }

    @Test
    void theNetworkIsClosedEvenToTheHostsLoopback() {
        String out = q3Output("network");
        assertFalse(out.contains("connected to"), out);
        assertTrue(out.contains("no connection to 127.0.0.1"), out);
        assertEquals(0, CONNECTIONS.get(), "a run reached the test's loopback server");
    }

    @Test
    void forgedTraceRecordsAndFakePassLinesChangeNothing() {
        QuestionResult q = q3("fake_tracer");
        for (String check : List.of("process_started", "process_joined")) {
            assertEquals("fail", q.checks().stream().filter(c -> c.id().equals(check)).findFirst()
                    .orElseThrow().verdict().label(), check);
        }
        assertEquals(4, q.points(), "only 'runs' may pass");
    }

    @Test
    void binaryOutputHugeNotebooksBrokenFilesAndZipsAreHandled() throws IOException {
        assertEquals("ran", q3("binary_output").status());
        assertTrue(q3("binary_output").run().stdout().contains("done"), q3Output("binary_output"));
        assertEquals("ran", q3("fd_exhaustion").status(), q3Output("fd_exhaustion"));
        assertTrue(q3("fd_exhaustion").run().stdout().contains("OSError"), q3Output("fd_exhaustion"));
        assertEquals("invalid", sub("malformed").status());
        assertTrue(sub("malformed").reason().contains("malformed.ipynb"), sub("malformed").reason());
        assertEquals("ran", q3("huge").status(), sub("huge").reason());
        assertEquals("invalid", sub("huge_code").status());
        assertTrue(sub("huge_code").reason().contains("huge_code.ipynb: 19.5 MiB of code; a submission may hold at most 1 MiB"), sub("huge_code").reason());
        assertTrue(Set.of("graded", "graded_with_errors").contains(sub("evil").status()), sub("evil").reason());
    }

    @Test
    void studentNamesCodeAndOutputFullOfMarkupAreEscaped() throws IOException {
        String index = Files.readString(reports.resolve("index.html"));
        assertFalse(index.contains("<img src=x"), "raw markup from a file name in the overview");
        assertTrue(index.contains("&lt;img src=x onerror=alert(1)&gt;"));
        try (Stream<Path> pages = Files.list(reports.resolve("students"))) {
            for (Path p : pages.toList()) {
                String page = Files.readString(p);
                assertFalse(page.contains("<script>") || page.contains("<img src=x"), p + " holds raw markup");
            }
        }
    }

    @Test
    void goodSubmissionsGetTheVerdictsTheyGetAlone() {
        for (String id : List.of(GOOD_A, GOOD_B)) {
            SubmissionResult inBatch = sub(id);
            SubmissionResult solo = alone.submissions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            assertEquals(verdicts(solo), verdicts(inBatch), id);
            assertEquals(solo.points(), inBatch.points(), id);
        }
    }

    private static Map<String, String> verdicts(SubmissionResult s) {
        Map<String, String> m = new TreeMap<>();
        for (QuestionResult q : s.questions()) {
            GradedBatch.verdicts(q).forEach((k, v) -> m.put(q.id() + "." + k, v));
            m.put(q.id() + ".status", q.status());
        }
        return m;
    }
}

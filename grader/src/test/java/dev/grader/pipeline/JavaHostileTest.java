package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.judge.BatchResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.JvmToolchain;
import dev.grader.run.Limits;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grade hostile Java submissions in the sandboxed JVM: a thread bomb and a heap hog are stopped at their named
 * limits, System.exit in a thread ends only that run, other students' files and the network are out of reach,
 * and trace lines the program writes itself are ignored.
 */
class JavaHostileTest {

    private static final Path RES = Path.of("src/test/resources/hostile-java");
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(6), Duration.ofSeconds(5), 256L << 20, 96,
            8L << 20, 64L << 10);
    private static final String SECRET = "SECRET-OTHER-STUDENT-java-51c2";

    private static Path tmp;
    private static ServerSocket server;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static BatchResult batch;

    @BeforeAll
    static void gradeTheHostileBatch() throws Exception {
        tmp = Files.createTempDirectory("hostile-java-");
        Path dir = Files.createDirectories(tmp.resolve("batch"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
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
        try (Stream<Path> files = Files.list(RES)) {
            for (Path f : files.toList()) {
                Files.writeString(dir.resolve(f.getFileName()), Files.readString(f)
                        .replace("@PORT@", Integer.toString(server.getLocalPort()))
                        .replace("@SECRET_FILE@", secret.toString()));
            }
        }
        Files.copy(Path.of("../submissions/java/good_markers.java"), dir.resolve("good_markers.java"));
        Rubric rubric = RubricLoader.load(Path.of("../rubrics/java-threads.yaml")).with(LIMITS, null);
        LocalRunner runner = new LocalRunner(new JvmToolchain(), null, Sandbox.Layer.BUBBLEWRAP);
        if (!"1".equals(System.getenv("GRADER_REQUIRE_SANDBOX"))) {
            assumeTrue(runner.sandbox().layer() == Sandbox.Layer.BUBBLEWRAP,
                    "no bubblewrap sandbox here, the hostile suite is skipped: " + runner.isolation());
        }
        try (Grader grader = new Grader(rubric, new JvmToolchain(), runner, 2)) {
            batch = grader.grade(List.of(dir), s -> { });
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

    private static QuestionResult question(String id, String q) {
        SubmissionResult s = batch.submissions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return s.questions().stream().filter(x -> x.id().equals(q)).findFirst().orElseThrow();
    }

    @Test
    void aThreadBombAndAHeapHogStopAtTheirNamedLimits() {
        QuestionResult bomb = question("thread_bomb", "Q6");
        assertEquals("limit", bomb.status());
        assertEquals("more than 96 processes and threads", bomb.run().limit());
        QuestionResult hog = question("heap_hog", "Q5");
        assertEquals("limit", hog.status());
        assertTrue(hog.run().limit().startsWith("memory limit 256 MiB exceeded"), hog.run().limit());
    }

    @Test
    void systemExitInAThreadEndsOnlyThatProgram() {
        QuestionResult q3 = question("exit_in_worker", "Q3");
        assertEquals("crashed", q3.status());
        assertEquals(3, q3.run().exitCode());
        assertFalse(q3.run().stdout().contains("never printed"));
        assertEquals("graded", batch.submissions().stream().filter(s -> s.id().equals("good_markers")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void otherFilesAndTheNetworkAreOutOfReach() {
        QuestionResult q3 = question("escapes", "Q3");
        String out = q3.run().stdout();
        assertTrue(out.contains("cannot read /etc/shadow"), out);
        assertFalse(out.contains(SECRET), out);
        assertTrue(out.contains("no network"), out);
        assertEquals(0, CONNECTIONS.get());
        assertEquals("ran", q3.status());
    }

    @Test
    void traceLinesWrittenByTheProgramAreIgnored() {
        QuestionResult q3 = question("forged_trace", "Q3");
        assertEquals(Verdict.FAIL, q3.checks().stream().filter(c -> c.id().equals("thread_started")).findFirst()
                .orElseThrow().verdict());
    }
}

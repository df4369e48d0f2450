package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.RunSummary;
import dev.grader.judge.SubmissionResult;
import dev.grader.report.HtmlValidityTest;
import dev.grader.report.ReportWriter;
import dev.grader.report.ResultsSchemaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grade every Java sample in submissions/java with the Java rubric, each question compiled, instrumented and
 * run in a sandboxed JVM, and compare each verdict and finding with
 * grader/src/test/resources/expected/java-submissions.yaml.
 */
class JavaSubmissionsEndToEndTest {

    private static GradedBatch graded;
    private static JsonNode expected;

    @BeforeAll
    static void gradeSamples() throws Exception {
        expected = GradedBatch.expectations("java-submissions.yaml");
        graded = GradedBatch.gradeJava(Path.of("../submissions/java"), Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everySampleHasExpectationsAndEveryExpectationASample() {
        graded.assertEverySampleExpected(expected);
    }

    @TestFactory
    List<DynamicTest> everyVerdictIsAsExpected() {
        return graded.verdictTests(expected);
    }

    @Test
    void outputIsAttributedToTheThreadThatPrintedIt() {
        QuestionResult q6 = question("good_folder_per_question", "Q6");
        List<String> units = q6.run().units().stream().map(u -> u.label() + " " + u.output().strip()).sorted().toList();
        assertEquals(List.of("thread printer-1 (Q6$Printer) number 1", "thread printer-2 (Q6$Printer) number 2",
                "thread printer-3 (Q6$Printer) number 3", "thread printer-4 (Q6$Printer) number 4"), units);
        // the pool's tasks are units too: one per number squared, each on a worker thread
        QuestionResult q5 = question("good_markers", "Q5");
        assertEquals(10, q5.run().units().stream().filter(u -> u.kind().equals("task")).count());
    }

    @Test
    void threadsStillAliveAtTheEndAreNamed() {
        QuestionResult q3 = question("daemon_left_running", "Q3");
        assertEquals(List.of("still running when the program ended: thread Thread-0 (the JVM stopped it at exit: a "
                + "daemon thread, or System.exit)"), q3.notes().stream().map(n -> n.message()).toList());
        assertTrue(question("good_markers", "Q3").notes().isEmpty());
    }

    @Test
    void compileErrorsAndExceptionsAreAtTheStudentsLine() {
        CheckResult runs = check("compile_error_q5_crash_q3", "Q5", "runs");
        assertEquals("The code does not compile: compile error at compile_error_q5_crash_q3.java line 29: ';' expected",
                runs.feedback());
        QuestionResult q3 = question("compile_error_q5_crash_q3", "Q3");
        assertEquals("java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2 "
                + "(compile_error_q5_crash_q3.java line 16)", q3.run().error(), () -> "status " + q3.status() + ", exit code " + q3.run().exitCode() + ", limit "
                        + q3.run().limit() + ", stderr:\n" + q3.run().stderr());
        assertTrue(q3.run().units().stream().anyMatch(u -> "java.lang.IllegalStateException: the worker failed"
                .equals(u.error())), q3.run().units().toString());
    }

    @Test
    void anExecutorNeverShutDownIsNamedNotJustATimeout() {
        CheckResult runs = check("executor_never_shut_down", "Q5", "runs");
        assertTrue(runs.feedback().contains("never shut down keep the JVM alive"), runs.feedback());
        assertTrue(runs.evidence().get(0).contains("Executors.newFixedThreadPool created at executor_never_shut_down.java "
                + "line 9"), runs.evidence().toString());
        // named long before the time limit
        assertTrue(question("executor_never_shut_down", "Q5").run().wallMillis() < 3000);
    }

    @Test
    void aHungProgramShowsWhereEachThreadWaits() {
        List<RunSummary.Hang> hangs = question("hang_no_squares_method", "Q6").run().hangs();
        assertEquals(List.of("thread main", "thread Thread-0", "thread Thread-1", "thread Thread-2", "thread Thread-3"),
                hangs.stream().map(RunSummary.Hang::process).toList());
        assertTrue(hangs.get(0).blockedAt().endsWith("called from hang_no_squares_method.java line 36 (t.join();)"),
                hangs.get(0).blockedAt());
        assertTrue(hangs.get(1).blockedAt().endsWith("hang_no_squares_method.java line 28 (barrier.await();)"),
                hangs.get(1).blockedAt());
    }

    @Test
    void instructorTestsGiveTheirFailureMessageAsFeedback() {
        CheckResult order = check("not_joined_same_number", "Q5", "squares_keep_order");
        assertEquals("The test keepsTheOrderOfItsInput() failed: squares(7, 2, 0) ==> expected: <[49, 4, 0]> but was: "
                + "<[0, 4, 49]>", order.feedback());
        CheckResult missing = check("hang_no_squares_method", "Q5", "squares_of_one_to_five");
        assertTrue(missing.feedback().contains("do not compile against this answer (Q5Test.java line 11: cannot find "
                + "symbol; symbol:   method squares"), missing.feedback());
    }

    @Test
    void theJavaBatchWritesEveryFormatAndValidHtml(@TempDir Path out) throws Exception {
        List<Path> written = new ReportWriter(null).write(graded.batch, out);
        assertEquals(4 + 3 * graded.batch.submissions().size(), written.size());
        assertTrue(Files.readString(out.resolve("students").resolve("hang_no_squares_method.html"))
                .contains("barrier.await();"));
        assertEquals(List.of(), HtmlValidityTest.validate(out));
        assertEquals(List.of(), ResultsSchemaTest.errors(out.resolve("results.json")));
    }

    private static QuestionResult question(String id, String q) {
        SubmissionResult s = graded.submission(id).orElseThrow();
        return GradedBatch.question(s, q).orElseThrow();
    }

    private static CheckResult check(String id, String q, String check) {
        return question(id, q).checks().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow();
    }
}

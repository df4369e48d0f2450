package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.python.Interpreter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.LocalRunner;
import dev.grader.run.PythonToolchain;
import dev.grader.run.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grade answers that try to read an instructor's Python test or to forge its outcome, with real sandboxed runs: the
 * test never reaches the answer's code, and only the outcomes the test runner sealed count.
 */
class PythonTestsHostileTest {

    private static final Path DIR = Path.of("src/test/resources/hostile-tests");
    private static BatchResult batch;

    @BeforeAll
    static void grade() throws Exception {
        Rubric rubric = RubricLoader.load(DIR.resolve("rubric.yaml"));
        Interpreter python = Interpreter.probe("python3");
        LocalRunner runner = new LocalRunner(python);
        if (!"1".equals(System.getenv("GRADER_REQUIRE_SANDBOX"))) {
            assumeTrue(runner.sandbox().layer() == Sandbox.Layer.BUBBLEWRAP,
                    "no bubblewrap sandbox here, the hostile suite is skipped: " + runner.isolation());
        }
        try (Grader grader = new Grader(rubric, new PythonToolchain(python), runner, 2)) {
            batch = grader.grade(List.of(DIR.resolve("submissions")), s -> { });
        }
    }

    private static QuestionResult q1(String id) {
        SubmissionResult s = batch.submissions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        return s.questions().get(0);
    }

    private static CheckResult test(String id) {
        return q1(id).checks().stream().filter(c -> c.type().equals("test")).findFirst().orElseThrow();
    }

    @Test
    void aCorrectAnswerPassesTheTestSoTheRunnerWorksHere() {
        assertEquals("pass", test("correct").verdict().label(), test("correct").feedback());
    }

    @Test
    void theTestCannotBeFoundFromTheAnswersCode() {
        // the answer is right only if it found the test: it must not have
        CheckResult t = test("peeks");
        assertEquals("fail", t.verdict().label(), t.feedback());
        assertTrue(t.feedback().contains("answer.squares([2, 3, 12]) is [4, 6, 24]"), t.feedback());
        String out = q1("peeks").run().stdout();
        assertTrue(out.contains("found the test in nothing"), out);
        assertFalse(out.contains("MARKER-6a1f"), out);
    }

    @Test
    void printedSignedAndLeftBehindOutcomesDoNotCount() {
        CheckResult t = test("forges");
        assertEquals("fail", t.verdict().label(), t.feedback());
        assertTrue(t.feedback().contains("The test test_squares failed: assert answer.squares([2, 3, 12]) == "
                + "[4, 9, 144]"), t.feedback());
        assertFalse(q1("forges").run().stdout().contains("could not reach the tracer"), q1("forges").run().stdout());
    }

    @Test
    void aThreadLeftBehindThatSpeaksForTheRunnerStopsTheTestsInsteadOfPassingThem() {
        CheckResult t = test("intercepts");
        assertEquals("fail", t.verdict().label(), t.feedback());
        // the tests were never handed over: not to the thread, which would have said the test passed
        assertTrue(t.feedback().contains("wrote to the test runner's channel"), t.feedback());
    }

    @Test
    void aProcessLeftBehindThatOffersItselfAsTheRunnerGetsNothing() {
        CheckResult t = test("steals");
        assertEquals("fail", t.verdict().label(), t.feedback());
        // the real runner ran the test (its assertion is the feedback): the process's offer and outcome were ignored
        assertTrue(t.feedback().contains("answer.squares([2, 3, 12]) is [4, 6, 24]"), t.feedback());
    }
}

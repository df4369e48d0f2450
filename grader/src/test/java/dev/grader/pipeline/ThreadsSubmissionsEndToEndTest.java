package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Grade every sample of the multithreading assignment in submissions/threads with rubrics/threads.yaml, for real,
 * and compare each verdict and finding with grader/src/test/resources/expected/threads-submissions.yaml.
 */
class ThreadsSubmissionsEndToEndTest {

    private static GradedBatch graded;
    private static JsonNode expected;

    @BeforeAll
    static void gradeSamples() throws Exception {
        expected = GradedBatch.expectations("threads-submissions.yaml");
        graded = GradedBatch.grade(Path.of("../submissions/threads"), Path.of("../rubrics/threads.yaml"),
                Runtime.getRuntime().availableProcessors());
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
    void theInstructorTestSaysWhatWasWrongWithTheValues() {
        CheckResult values = check("ipynb_split_cells_wrong_cubes", "Q4", "values_correct");
        assertTrue(values.feedback().contains("no list of cubes was printed")
                && values.feedback().contains("[1, 4, 9, 16]"), values.feedback());
    }

    @Test
    void theThreadThatPrintedIsNamedWithWhatItPrinted() {
        CheckResult squares = check("ipynb_numbered_questions_prose_q2", "Q4", "squares_in_thread");
        assertEquals(List.of("thread Thread-1 (print_squares) printed \"Squares: [1, 4, 9, 16, 25]\""),
                squares.evidence());
        CheckResult main = check("ipynb_threads_return_main_prints", "Q4", "squares_in_thread");
        assertTrue(main.evidence().get(main.evidence().size() - 1).contains("threads running a function matching "
                + "'sq' ran; none printed"), main.evidence().toString());
    }

    private static CheckResult check(String id, String q, String check) {
        SubmissionResult s = graded.submission(id).orElseThrow();
        QuestionResult r = GradedBatch.question(s, q).orElseThrow();
        return r.checks().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow();
    }
}

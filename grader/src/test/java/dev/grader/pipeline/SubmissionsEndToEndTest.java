package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.judge.QuestionResult;
import dev.grader.report.HtmlValidityTest;
import dev.grader.report.ReportWriter;
import dev.grader.judge.SubmissionResult;
import dev.grader.python.Interpreter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.PythonToolchain;
import dev.grader.run.LocalRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grade every sample in submissions/ with the default rubric, in real child processes, and compare
 * each verdict with grader/src/test/resources/expected/submissions.yaml.
 */
class SubmissionsEndToEndTest {

    private static GradedBatch graded;
    private static JsonNode expected;

    @BeforeAll
    static void gradeSamples() throws Exception {
        expected = GradedBatch.expectations("submissions.yaml");
        graded = GradedBatch.grade(Path.of("../submissions"));
    }

    @Test
    void everySampleHasExpectationsAndEveryExpectationASample() {
        graded.assertEverySampleExpected(expected);
    }

    @Test
    void theWholeBatchWritesEveryFormatAndValidHtml(@TempDir Path out) throws Exception {
        List<Path> written = new ReportWriter(null).write(graded.batch, out);
        int n = graded.batch.submissions().size();
        // results.json, grades.csv, junit.xml, index.html, and a page, a Classroom and a Gradescope result each
        assertEquals(4 + 3 * n, written.size());
        for (String f : List.of("results.json", "grades.csv", "junit.xml", "index.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(n + 2, Files.readAllLines(out.resolve("grades.csv")).size(), "header, points row, one per student");
        assertEquals(List.of(), HtmlValidityTest.validate(out));
    }

    @Test
    void gradingTheBatchAgainWithTwoJobsGivesIdenticalVerdicts() throws Exception {
        GradedBatch again = GradedBatch.grade(Path.of("../submissions"), 2);
        assertEquals(everything(graded), everything(again));
    }

    @Test
    void forkedFromAWarmInterpreterOrStartedEachTheVerdictsAreTheSame() throws Exception {
        // the batch above forked its runs from the zygote where it could; these start an interpreter for each
        GradedBatch started = GradedBatch.grade(Path.of("../submissions"), Path.of("../rubrics/multiprocessing.yaml"),
                2, false);
        assertEquals(everything(graded), everything(started));
    }

    private static Map<String, String> everything(GradedBatch b) {
        Map<String, String> m = new TreeMap<>();
        for (SubmissionResult s : b.batch.submissions()) {
            m.put(s.id() + ".status", s.status() + " " + s.points());
            m.put(s.id() + ".findings", GradedBatch.findings(s).toString());
            for (QuestionResult q : s.questions()) {
                m.put(s.id() + "." + q.id(), q.status() + " " + GradedBatch.verdicts(q));
            }
        }
        return m;
    }

    @TestFactory
    List<DynamicTest> everyVerdictIsAsExpected() {
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode exp = e.getValue();
            tests.add(DynamicTest.dynamicTest(id, () -> check(id, exp)));
        }
        return tests;
    }

    private static void check(String id, JsonNode exp) {
        GradedBatch.assertAsExpected(graded, id, exp);
    }

    @Test
    void theRubricDecidesWhatCodeWrittenInMarkdownIsWorth() throws Exception {
        String yaml = Files.readString(Path.of("../rubrics/multiprocessing.yaml"));
        Path notebook = Path.of("../submissions/ipynb_fenced_only_plain_headings.ipynb");
        Interpreter python = Interpreter.probe("python3");
        Map<String, SubmissionResult> graded = new TreeMap<>();
        for (String option : List.of("run", "ignore")) {
            Rubric rubric = RubricLoader.parse(yaml.replace("markdown_code: note", "markdown_code: " + option),
                    "markdown_code " + option);
            assertEquals(option, rubric.markdownCode());
            try (Grader grader = new Grader(rubric, new PythonToolchain(python), new LocalRunner(python), 2)) {
                graded.put(option, grader.gradeOne(notebook).submissions().get(0));
            }
        }
        // run: the fenced code runs as if it were in code cells
        assertEquals("graded", graded.get("run").status(), graded.get("run").reason());
        assertEquals(100.0, graded.get("run").points());
        // ignore: no code, and nothing said about it
        SubmissionResult ignored = graded.get("ignore");
        assertEquals("Q3 no code; Q5 no code; Q6 no code", ignored.reason());
        for (QuestionResult q : ignored.questions()) {
            assertEquals(List.of(), q.notes(), q.id());
            assertEquals(null, q.code(), q.id());
        }
    }

    @Test
    void resultsComeBackSortedAndEverySubmissionHasEveryQuestion() {
        List<String> ids = graded.batch.submissions().stream().map(SubmissionResult::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        for (SubmissionResult s : graded.batch.submissions()) {
            if (s.status().startsWith("graded")) {
                assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"), s.questions().stream().map(QuestionResult::id).toList(), s.id());
            } else {
                assertTrue(s.reason() != null && !s.reason().isBlank(), s.id() + " has no reason");
            }
        }
    }
}

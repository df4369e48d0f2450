package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.grader.ingest.Note;
import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import dev.grader.python.Interpreter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.PythonToolchain;
import dev.grader.run.JvmToolchain;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;

/** Grade a folder once with the default rubric and look verdicts up by submission, question and check. */
final class GradedBatch {

    final BatchResult batch;

    private GradedBatch(BatchResult batch) {
        this.batch = batch;
    }

    static GradedBatch grade(Path folder) throws Exception {
        return grade(folder, Runtime.getRuntime().availableProcessors());
    }

    /** Grade a folder of Java samples with the Java rubric, with a shorter time limit for the one that hangs. */
    static GradedBatch gradeJava(Path folder, int jobs) throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("../rubrics/java-threads.yaml"));
        rubric = rubric.with(rubric.limits().with(Duration.ofSeconds(4), rubric.limits().outputBytes()), null);
        try (Grader grader = new Grader(rubric, new JvmToolchain(), new LocalRunner(new JvmToolchain(), null,
                Sandbox.Layer.BUBBLEWRAP), jobs)) {
            return new GradedBatch(grader.grade(List.of(folder), s -> { }));
        }
    }

    /** Read the expected verdicts of a folder of samples: {@code src/test/resources/expected/NAME}. */
    static JsonNode expectations(String name) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/test/resources/expected", name).toFile());
    }

    /** Assert that every graded sample has expectations and every expectation a graded sample. */
    void assertEverySampleExpected(JsonNode expected) {
        TreeSet<String> ids = new TreeSet<>();
        batch.submissions().forEach(s -> ids.add(s.id()));
        TreeSet<String> listed = new TreeSet<>();
        expected.fieldNames().forEachRemaining(listed::add);
        assertEquals(listed, ids);
    }

    /** Make one test per sample comparing its result with its expectation ({@link #assertAsExpected}). */
    List<DynamicTest> verdictTests(JsonNode expected) {
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> assertAsExpected(this, e.getKey(), e.getValue())));
        }
        return tests;
    }

    /**
     * Compare one submission's result with its expectation: {@code status}, {@code findings} ("Q3 rule-id
     * location"), {@code questions} (check id to verdict, or a question status).
     */
    static void assertAsExpected(GradedBatch graded, String id, JsonNode exp) {
        SubmissionResult s = graded.submission(id).orElseThrow(() -> new AssertionError("no result for " + id));
        String why = id + " (" + exp.path("why").asText("") + "): status " + s.status() + ", reason " + s.reason();
        if (exp.has("status")) {
            assertEquals(exp.get("status").asText(), s.status(), why);
        }
        List<String> wantFindings = new ArrayList<>();
        exp.path("findings").forEach(f -> wantFindings.add(f.asText()));
        assertEquals(wantFindings, findings(s), why + ": findings");
        Iterator<Map.Entry<String, JsonNode>> notes = exp.path("notes").fields();
        while (notes.hasNext()) {
            Map.Entry<String, JsonNode> n = notes.next();
            QuestionResult r = question(s, n.getKey()).orElseThrow(() -> new AssertionError(why + ": no " + n.getKey()));
            List<String> said = r.notes().stream().map(Note::message).toList();
            assertTrue(said.stream().anyMatch(m -> m.contains(n.getValue().asText())),
                    why + ", " + n.getKey() + " notes " + said + " lack: " + n.getValue().asText());
        }
        Iterator<Map.Entry<String, JsonNode>> qs = exp.path("questions").fields();
        while (qs.hasNext()) {
            Map.Entry<String, JsonNode> q = qs.next();
            QuestionResult r = question(s, q.getKey()).orElseThrow(() -> new AssertionError(why + ": no " + q.getKey()));
            String context = why + ", " + q.getKey() + " found by: " + r.how() + ", question status " + r.status()
                    + ", evidence " + evidence(r);
            if (q.getValue().isTextual()) {
                assertEquals(q.getValue().asText(), r.status(), context);
                continue;
            }
            Map<String, String> want = new TreeMap<>();
            q.getValue().fields().forEachRemaining(c -> want.put(c.getKey(), c.getValue().asText()));
            Map<String, String> got = new TreeMap<>(verdicts(r));
            got.keySet().retainAll(want.keySet());
            assertEquals(want, got, context);
        }
    }

    private static String evidence(QuestionResult r) {
        List<String> out = new ArrayList<>();
        r.checks().forEach(c -> out.add(c.id() + "=" + c.verdict().label() + " " + c.evidence()));
        return out.toString();
    }

    static GradedBatch grade(Path folder, int jobs) throws Exception {
        return grade(folder, Path.of("../rubrics/multiprocessing.yaml"), jobs);
    }

    /** Grade a folder of Python submissions with a rubric. */
    static GradedBatch grade(Path folder, Path rubricFile, int jobs) throws Exception {
        return grade(folder, rubricFile, jobs, true);
    }

    /** Grade a folder of Python submissions with a rubric, forking runs from a warm interpreter or not. */
    static GradedBatch grade(Path folder, Path rubricFile, int jobs, boolean forking) throws Exception {
        Rubric rubric = RubricLoader.load(rubricFile);
        Interpreter python = Interpreter.probe("python3");
        LocalRunner runner = new LocalRunner(new PythonToolchain(python), null, Sandbox.Layer.BUBBLEWRAP, forking);
        try (Grader grader = new Grader(rubric, new PythonToolchain(python), runner, jobs)) {
            return new GradedBatch(grader.grade(List.of(folder), s -> { }));
        }
    }

    Optional<SubmissionResult> submission(String id) {
        return batch.submissions().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static Optional<QuestionResult> question(SubmissionResult s, String q) {
        return s.questions().stream().filter(r -> r.id().equals(q)).findFirst();
    }

    /** Return check id to verdict label for one question. */
    static Map<String, String> verdicts(QuestionResult q) {
        Map<String, String> m = new TreeMap<>();
        for (CheckResult c : q.checks()) {
            m.put(c.id(), c.verdict().label());
        }
        return m;
    }

    /** Return every finding of a submission as "Q3 rule-id line 12", in question and line order. */
    static List<String> findings(SubmissionResult s) {
        List<String> out = new ArrayList<>();
        for (QuestionResult q : s.questions()) {
            q.findings().forEach(f -> out.add(q.id() + " " + f.rule() + " " + f.location()));
        }
        return out;
    }

    static Verdict verdict(QuestionResult q, String check) {
        return q.checks().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow().verdict();
    }
}

package dev.grader.pipeline;

import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import dev.grader.python.Interpreter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.LocalRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Grade a folder once with the default rubric and look verdicts up by submission, question and check. */
final class GradedBatch {

    final BatchResult batch;

    private GradedBatch(BatchResult batch) {
        this.batch = batch;
    }

    static GradedBatch grade(Path folder) throws Exception {
        return grade(folder, Runtime.getRuntime().availableProcessors());
    }

    static GradedBatch grade(Path folder, int jobs) throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("../rubrics/multiprocessing.yaml"));
        Interpreter python = Interpreter.probe("python3");
        try (Grader grader = new Grader(rubric, python, new LocalRunner(python), jobs)) {
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

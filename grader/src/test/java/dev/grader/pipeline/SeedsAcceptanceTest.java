package dev.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.analyse.Severity;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grade the instructor's seed submissions (kept outside the project) and compare with the verdicts
 * they must get. Skipped where the seeds are not beside the project.
 */
class SeedsAcceptanceTest {

    private static final Path SEEDS = Path.of("../../shared/seeds");
    private static GradedBatch graded;

    @BeforeAll
    static void gradeSeeds() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the seed submissions are not beside the project");
        graded = GradedBatch.grade(SEEDS);
    }

    private static SubmissionResult seed(String prefix) {
        return graded.batch.submissions().stream().filter(s -> s.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static Map<String, String> row(String prefix) {
        SubmissionResult s = seed(prefix);
        Map<String, String> m = new TreeMap<>();
        for (QuestionResult q : s.questions()) {
            GradedBatch.verdicts(q).forEach((k, v) -> m.put(q.id() + "." + k, v));
        }
        return m;
    }

    private static Map<String, String> expected(String q3joined, String q5used, String q5closed, String q6runs,
            String q6started, String q6print, String q6distinct, String q5runs) {
        Map<String, String> m = new TreeMap<>();
        for (String q : new String[] {"Q1", "Q2", "Q4"}) {
            m.put(q + ".answered", "pass");
        }
        m.put("Q3.runs", "pass");
        m.put("Q3.process_started", "pass");
        m.put("Q3.process_joined", q3joined);
        m.put("Q5.runs", q5runs);
        m.put("Q5.pool_created", "pass");
        m.put("Q5.pool_used", q5used);
        m.put("Q5.pool_closed", q5closed);
        m.put("Q6.runs", q6runs);
        m.put("Q6.processes_started", q6started);
        m.put("Q6.children_print", q6print);
        m.put("Q6.distinct_outputs", q6distinct);
        return m;
    }

    @Test
    void theSeedsGetExactlyTheExpectedFindingsAndNoOtherWarningOrWorse() {
        Map<String, List<String>> got = new TreeMap<>();
        for (SubmissionResult s : graded.batch.submissions()) {
            List<String> serious = new ArrayList<>();
            for (QuestionResult q : s.questions()) {
                q.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING))
                        .forEach(f -> serious.add(q.id() + " " + f.rule() + " " + f.location()));
            }
            got.put(s.id().substring(0, 3), serious);
        }
        Map<String, List<String>> want = new TreeMap<>();
        want.put("000", List.of("Q3 process-not-joined line 32"));
        want.put("001", List.of());
        want.put("002", List.of());
        want.put("003", List.of("Q5 pool-close-without-join line 88"));
        want.put("004", List.of("Q5 pool-not-closed line 158"));
        assertEquals(want, got);
    }

    @Test
    void seed000StartedButNeverJoined() {
        assertEquals(expected("fail", "pass", "pass", "pass", "pass", "pass", "pass", "pass"), row("000"));
        QuestionResult q3 = GradedBatch.question(seed("000"), "Q3").orElseThrow();
        assertTrue(q3.checks().get(2).evidence().get(0).matches("Process-1 started at line \\d+ was never joined"),
                q3.checks().get(2).evidence().toString());
    }

    @Test
    void seed001PipeDeadlockAndPageBreaks() {
        assertEquals(expected("pass", "pass", "pass", "fail", "fail", "pass", "fail", "pass"), row("001"));
        SubmissionResult s = seed("001");
        QuestionResult q6 = GradedBatch.question(s, "Q6").orElseThrow();
        assertEquals("timeout", q6.status());
        // where each process was stuck: the receiver in recv(), the parent in join()
        List<String> stuck = q6.run().hangs().stream().map(h -> h.process() + ": " + h.blockedAt()).sorted().toList();
        assertEquals(2, stuck.size(), stuck.toString());
        assertTrue(stuck.get(0).matches("Process-2 receive\\(\\): waiting in multiprocessing/connection.py .*"
                + "called from line 123 \\(msg = conn.recv\\(\\)\\)"), stuck.get(0));
        assertTrue(stuck.get(1).matches("main process: waiting in .*called from line 142 \\(m2.join\\(\\)\\)"),
                stuck.get(1));
        String notes = s.notes() + " " + GradedBatch.question(s, "Q6").orElseThrow().notes();
        assertTrue(notes.contains("page break"), notes);
    }

    @Test
    void seed002PoolOfFourPrintsInTasks() {
        assertEquals(expected("pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass"), row("002"));
        assertEquals("graded", seed("002").status());
    }

    @Test
    void seed003PoolClosedNeverJoinedStillCountsAsClosed() {
        assertEquals(expected("pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass"), row("003"));
        QuestionResult q5 = GradedBatch.question(seed("003"), "Q5").orElseThrow();
        assertTrue(q5.checks().get(3).evidence().get(0).contains("never joined"), q5.checks().get(3).evidence().toString());
    }

    @Test
    void seed004NameErrorBeforeMapAndParentPrints() {
        assertEquals(expected("pass", "fail", "fail", "pass", "pass", "fail", "fail", "fail"), row("004"));
        QuestionResult q5 = GradedBatch.question(seed("004"), "Q5").orElseThrow();
        // newer Pythons add a "Did you mean" hint between the message and the line
        assertTrue(q5.run().error().matches("NameError: name 'compute' is not defined.* \\(line 162\\)"), q5.run().error());
    }
}

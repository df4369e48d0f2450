package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.analyse.Finding;
import dev.grader.analyse.Severity;
import dev.grader.build.Program;
import dev.grader.build.Program.Origin;
import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.lang.Languages;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.RunResult;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolCall;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import dev.grader.segment.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Judge traces as the tracer reports them; program line N maps to student line N + 100. */
class JudgeTest {

    private static Rubric rubric;
    private final Judge judge = new Judge(Languages.of("python").reader());

    @BeforeAll
    static void load() throws RubricException {
        rubric = RubricLoader.loadBundled("multiprocessing.yaml");
    }

    private static Program program(int lines) {
        List<Origin> origins = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            origins.add(new Origin("s.txt", i + 100));
        }
        return new Program("Q", "x\n".repeat(lines), origins, "s.txt", 1, "", null);
    }

    private static Answer answer(String id, String code) {
        return new Answer(id, true, "heading", List.of(new Cell(0, CellKind.CODE, code, List.of(1), "s.txt")), List.of());
    }

    private static RunResult run(int exit, boolean timedOut, String stderr, Trace trace) {
        return new RunResult("k", exit, timedOut, false, "", stderr, 12, trace, null);
    }

    private static Trace trace(List<ProcessRecord> ps, List<PoolRecord> pools, List<Unit> units) {
        return new Trace(ps, pools, units, "", List.of());
    }

    private static ProcessRecord proc(String name, int pid, int start, int join, boolean worker) {
        return new ProcessRecord(name, name, "__main__.f", 3, pid, start, join, 0, worker, 0);
    }

    private static Unit unit(String kind, String out) {
        return new Unit(kind + out, kind, 1, "", "__main__.show", "1", out, "", null, true);
    }

    private static Map<String, Verdict> verdicts(QuestionResult r) {
        return r.checks().stream().collect(Collectors.toMap(CheckResult::id, CheckResult::verdict));
    }

    private QuestionResult judge(String q, Trace t, int exit, boolean timedOut, String stderr) {
        Question question = rubric.question(q).orElseThrow();
        return judge.judge(question, answer(q, "code"), program(30), run(exit, timedOut, stderr, t), List.of());
    }

    @Test
    void startedButNeverJoinedFailsAtTheStartLine() {
        QuestionResult r = judge("Q3", trace(List.of(proc("Process-1", 11, 7, 0, false)), List.of(), List.of()), 0, false, "");
        assertEquals(Map.of("runs", Verdict.PASS, "process_started", Verdict.PASS, "process_joined", Verdict.FAIL), verdicts(r));
        CheckResult joined = r.checks().get(2);
        assertEquals(List.of("Process-1 started at line 107 was never joined"), joined.evidence());
        assertEquals(12.0, r.points());
        assertEquals("ran", r.status());
    }

    @Test
    void poolWorkersAreNotTheStudentsProcesses() {
        Trace t = trace(List.of(proc("W1", 11, 0, 0, true)),
                List.of(new PoolRecord("p", "Pool", 4, 1, List.of(11), List.of(new PoolCall("map", "__main__.f", 5)), 0, 0, 0, 6, 0)),
                List.of());
        QuestionResult r = judge("Q3", t, 0, false, "");
        assertEquals(Verdict.FAIL, verdicts(r).get("process_started"));
        assertEquals(Verdict.FAIL, verdicts(r).get("process_joined"));
    }

    @Test
    void poolClosedWithoutJoinPassesAndNeverClosedFails() {
        PoolRecord closed = new PoolRecord("p", "Pool", 4, 4, List.of(), List.of(new PoolCall("map", "__main__.sq", 5)), 9, 0, 0, 0, 0);
        QuestionResult ok = judge("Q5", trace(List.of(), List.of(closed), List.of()), 0, false, "");
        assertEquals(Map.of("runs", Verdict.PASS, "pool_created", Verdict.PASS, "pool_used", Verdict.PASS,
                "pool_closed", Verdict.PASS), verdicts(ok));
        assertTrue(ok.checks().get(3).evidence().get(0).contains("closed at line 109, never joined"));

        PoolRecord open = new PoolRecord("p", "Pool", 4, 4, List.of(), List.of(), 0, 0, 0, 0, 0);
        QuestionResult bad = judge("Q5", trace(List.of(), List.of(open), List.of()), 1, false,
                "Traceback (most recent call last):\n  File \"/tmp/r/work/main.py\", line 12, in <module>\n"
                        + "    result = pool.map(compute, data)\nNameError: name 'compute' is not defined\n");
        assertEquals(Map.of("runs", Verdict.FAIL, "pool_created", Verdict.PASS, "pool_used", Verdict.FAIL,
                "pool_closed", Verdict.FAIL), verdicts(bad));
        assertEquals("NameError: name 'compute' is not defined (line 112)", bad.run().error());
        assertTrue(bad.checks().get(0).feedback().contains("NameError"));
        assertEquals("crashed", bad.status());
    }

    @Test
    void distinctOutputsCountsUnitsNotWorkers() {
        List<ProcessRecord> workers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            workers.add(proc("W" + i, 10 + i, 0, 0, true));
        }
        List<Unit> units = List.of(unit("task", "n=1\n"), unit("task", "n=2\n"), unit("task", "n=3\n"), unit("task", "n=4\n"));
        QuestionResult r = judge("Q6", trace(workers, List.of(), units), 0, false, "");
        assertEquals(Map.of("runs", Verdict.PASS, "processes_started", Verdict.PASS, "children_print", Verdict.PASS,
                "distinct_outputs", Verdict.PASS), verdicts(r));

        List<Unit> same = List.of(unit("process", "hi\n"), unit("process", "hi"), unit("process", "ho"), unit("process", "ho"));
        QuestionResult r2 = judge("Q6", trace(workers, List.of(), same), 0, false, "");
        assertEquals(Verdict.FAIL, verdicts(r2).get("distinct_outputs"));
        assertTrue(r2.checks().get(3).evidence().get(0).startsWith("4 units printed, 0 of them a number"),
                r2.checks().get(3).evidence().toString());
    }

    private CheckResult distinctNumbers(String... outputs) {
        List<Unit> units = new ArrayList<>();
        for (String o : outputs) {
            units.add(unit("process", o));
        }
        QuestionResult r = judge("Q6", trace(List.of(), List.of(), units), 0, false, "");
        return r.checks().stream().filter(c -> c.id().equals("distinct_outputs")).findFirst().orElseThrow();
    }

    @Test
    void eachUnitMustPrintANumberOfItsOwn() {
        assertEquals(Verdict.PASS, distinctNumbers("Process 1: 1\n", "Process 2: 2\n", "Process 3: 3\n", "4\n").verdict());
        // a pid beside the number, a process name with a number in it, several numbers each: still one each
        assertEquals(Verdict.PASS, distinctNumbers("pid 4711 prints 7", "pid 4712 prints 7", "pid 4713 prints 7",
                "pid 4714 prints 7").verdict());
        CheckResult named = distinctNumbers("Process Process-1: 0", "Process Process-2: 1", "Process Process-3: 2",
                "Process Process-4: 3");
        assertEquals(Verdict.PASS, named.verdict(), named.evidence().toString());
        assertEquals("4 units printed, 4 of them a number, 4 a number of their own (4 needed)", named.evidence().get(0));
        assertEquals(Verdict.PASS, distinctNumbers("[1, 4, 9]", "[1, 8, 27]", "[1, 16, 81]", "[1, 32, 243]").verdict());
        // four units that all print 1, words without a number, numbers written two ways
        assertEquals(Verdict.FAIL, distinctNumbers("1", "1", "1", "1").verdict());
        assertEquals(Verdict.FAIL, distinctNumbers("one", "two", "three", "four").verdict());
        CheckResult same = distinctNumbers("7", "7.0", "07", "8");
        assertEquals(Verdict.FAIL, same.verdict());
        assertEquals("4 units printed, 4 of them a number, 2 a number of their own (4 needed)", same.evidence().get(0));
    }

    @Test
    void theExceptionThatEndedTheProgramIsReadFromTheTraceWhenStderrLostIt() {
        String traceback = "Traceback (most recent call last):\n  File \"/work/main.py\", line 12, in <module>\n"
                + "    result = pool.map(compute, data)\nNameError: name 'compute' is not defined\n";
        Trace seen = new Trace(List.of(), List.of(), List.of(), "", List.of(), List.of(), List.of(), null, List.of(),
                List.of(), List.of(), List.of(), traceback);
        QuestionResult lost = judge("Q5", seen, 1, false, "");
        assertEquals("NameError: name 'compute' is not defined (line 112)", lost.run().error());
        // the run's own stderr comes first
        QuestionResult both = judge("Q5", seen, 1, false, traceback.replace("NameError", "ValueError"));
        assertEquals("ValueError: name 'compute' is not defined (line 112)", both.run().error());
        // nothing is made up when neither has one
        assertEquals(null, judge("Q5", trace(List.of(), List.of(), List.of()), 1, false, "").run().error());
    }

    @Test
    void whatAChildLogsCountsAsPrintedButNotItsTracebacksOrWarnings() {
        Unit logged = new Unit("u", "process", 1, "", "__main__.f", "1", "", "12:00:01 - Process-1 - printing 1\n", null,
                true);
        assertEquals("12:00:01 - Process-1 - printing 1\n", Evidence.printed(logged));
        Unit crashed = new Unit("u", "process", 1, "", "__main__.f", "1", "", "Traceback (most recent call last):\n"
                + "  File \"main.py\", line 3, in f\n    1 / 0\nZeroDivisionError: division by zero\n"
                + "main.py:9: DeprecationWarning: old\n  warnings.warn('old')\n", "ZeroDivisionError", true);
        assertEquals("", Evidence.printed(crashed));
    }

    private static ProcessRecord started(String name, int pid, int startLine) {
        return new ProcessRecord(name, name, "__main__.f", startLine, pid, startLine, startLine + 1, 0, false, 0);
    }

    private QuestionResult judgeCells(Trace t) {
        // program lines 1-10 come from cell 1, 11-20 from cell 2, 21-30 from cell 3
        List<Origin> origins = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            origins.add(new Origin("nb.ipynb cell " + ((i - 1) / 10 + 1), (i - 1) % 10 + 1));
        }
        Program p = new Program("Q6", "x\n".repeat(30), origins, "nb.ipynb cell 1", 1, "", null);
        return judge.judge(rubric.question("Q6").orElseThrow(), answer("Q6", "code"), p, run(0, false, "", t), List.of());
    }

    @Test
    void separateDemonstrationsAreCountedOneByOneAndAPoolBesideProcessesDoesNotCount() {
        List<ProcessRecord> ps = List.of(started("Process-1", 11, 3), started("Process-2", 12, 13),
                started("Process-3", 13, 14), started("Process-4", 14, 23));
        List<Trace.Span> oneAfterAnother = List.of(new Trace.Span("Process-1", "alive", 0, 10, ""),
                new Trace.Span("Process-2", "alive", 20, 30, ""), new Trace.Span("Process-3", "alive", 20, 31, ""),
                new Trace.Span("Process-4", "alive", 40, 50, ""));
        QuestionResult apart = judgeCells(new Trace(ps, List.of(), List.of(), "", List.of(), oneAfterAnother));
        CheckResult count = apart.checks().get(1);
        assertEquals(Verdict.FAIL, count.verdict());
        assertEquals("4 processes started by the answer, at most 2 together (cell 2): its 3 cells each start and "
                + "finish theirs before the next; at least 4 needed", count.evidence().get(0));
        List<Trace.Span> together = List.of(new Trace.Span("Process-1", "alive", 0, 60, ""),
                new Trace.Span("Process-2", "alive", 20, 30, ""), new Trace.Span("Process-3", "alive", 20, 31, ""),
                new Trace.Span("Process-4", "alive", 40, 50, ""));
        assertEquals(Verdict.PASS, judgeCells(new Trace(ps, List.of(), List.of(), "", List.of(), together))
                .checks().get(1).verdict());
        // three processes of its own and a pool of five beside them: three
        List<ProcessRecord> mixed = new ArrayList<>(ps.subList(0, 3));
        for (int i = 1; i <= 5; i++) {
            mixed.add(proc("W" + i, 20 + i, 0, 0, true));
        }
        CheckResult withPool = judgeCells(new Trace(mixed, List.of(), List.of(), "", List.of(), together)).checks().get(1);
        assertEquals(Verdict.FAIL, withPool.verdict());
        assertTrue(withPool.evidence().get(0).contains("the 5 pool workers of its pool do not count beside them"),
                withPool.evidence().toString());
    }

    @Test
    void aProgramThatStoppedReachingForTheNetworkIsNotGradedAsWrong() {
        String stderr = "Traceback (most recent call last):\n  File \"/work/main.py\", line 9, in <module>\n"
                + "    downloadfile(link)\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='picsum.photos',"
                + " port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve 'picsum.photos' "
                + "([Errno -3] Temporary failure in name resolution)\"))\n";
        QuestionResult r = judge("Q3", trace(List.of(), List.of(), List.of()), 1, false, stderr);
        assertEquals("environment", r.status());
        assertEquals(Map.of("runs", Verdict.ERROR, "process_started", Verdict.ERROR, "process_joined", Verdict.ERROR),
                verdicts(r));
        assertTrue(r.checks().get(1).feedback().contains("needs the network (picsum.photos)"), r.checks().get(1).feedback());
        // the same program failing on its own bug is the student's
        QuestionResult own = judge("Q3", trace(List.of(), List.of(), List.of()), 1, false,
                "Traceback (most recent call last):\n  File \"/work/main.py\", line 2, in <module>\n    x\n"
                        + "NameError: name 'x' is not defined\n");
        assertEquals("crashed", own.status());
        assertEquals(Verdict.FAIL, verdicts(own).get("process_started"));
    }

    @Test
    void aTimeoutFailsRunsButStillJudgesWhatTheProcessesDid() {
        Trace t = trace(List.of(proc("Sender", 11, 20, 22, false), proc("Receiver", 12, 21, 0, false)), List.of(),
                List.of(unit("process", "1\n2\n")));
        QuestionResult r = judge("Q6", t, -9, true, "");
        assertEquals(Map.of("runs", Verdict.FAIL, "processes_started", Verdict.FAIL, "children_print", Verdict.PASS,
                "distinct_outputs", Verdict.FAIL), verdicts(r));
        assertEquals("timeout", r.status());
        assertNull(r.run().error());
        assertTrue(r.checks().get(0).feedback().contains("time limit"));
    }

    @Test
    void aMissingAnswerSkipsEveryCheck() {
        Question q6 = rubric.question("Q6").orElseThrow();
        QuestionResult r = judge.judge(q6, Answer.missing("Q6", "no heading for Q6"), null, null, List.of());
        assertEquals("missing", r.status());
        assertTrue(r.checks().stream().allMatch(c -> c.verdict() == Verdict.SKIPPED && c.points() == 0));
    }

    @Test
    void aSyntaxErrorFailsRunsAtTheStudentsLineAndSkipsTheRest() {
        Question q3 = rubric.question("Q3").orElseThrow();
        Program p = new Program("Q3", "x\n", List.of(new Origin("s.txt", 5)), "s.txt", 1, "",
                new Program.SyntaxProblem(new Origin("lab.ipynb cell 4", 2), 5, "invalid syntax"));
        QuestionResult r = judge.judge(q3, answer("Q3", "def f(:\n"), p, null, List.of());
        assertEquals("syntax_error", r.status());
        assertEquals(Map.of("runs", Verdict.FAIL, "process_started", Verdict.SKIPPED, "process_joined", Verdict.SKIPPED),
                verdicts(r));
        assertTrue(r.checks().get(0).feedback().contains("at cell 4, line 2: invalid syntax"), r.checks().get(0).feedback());
    }

    @Test
    void proseIsCountedWithoutTheCopiedQuestion() {
        Question q1 = rubric.question("Q1").orElseThrow();
        Answer copied = new Answer("Q1", true, "heading", List.of(new Cell(0, CellKind.MARKDOWN,
                "### Q1. What is multiprocessing in python? Why is it useful?\nIt runs code.", List.of(1, 2), "s.txt")), List.of());
        assertEquals(Verdict.FAIL, judge.judge(q1, copied, null, null, List.of()).checks().get(0).verdict());
        Answer real = new Answer("Q1", true, "heading", List.of(new Cell(0, CellKind.CODE,
                "# Multiprocessing runs several processes at once, each with its own interpreter and memory,\n"
                        + "'''so CPU-bound work escapes the GIL and uses every core of the machine'''\nprint(1)\n",
                List.of(1, 2, 3), "s.py")), List.of());
        QuestionResult r = judge.judge(q1, real, null, null, List.of());
        assertEquals(Verdict.PASS, r.checks().get(0).verdict());
        assertEquals("answered", r.status());
    }

    @Test
    void outputMatchesSearchesStdout() throws RubricException {
        Rubric r = RubricLoader.parse("assignment: a\nquestions:\n  - id: Q1\n    kind: code\n    checks:\n"
                + "      - {check: output_matches, points: 1, regex: 'sum = \\d+'}\n", "inline.yaml");
        Question q = r.questions().get(0);
        RunResult run = new RunResult("k", 0, false, false, "the sum = 42\n", "", 5, Trace.empty(), null);
        assertEquals(Verdict.PASS, judge.judge(q, answer("Q1", "x"), program(3), run, List.of()).checks().get(0).verdict());
        RunResult other = new RunResult("k", 0, false, false, "nothing\n", "", 5, Trace.empty(), null);
        assertEquals(Verdict.FAIL, judge.judge(q, answer("Q1", "x"), program(3), other, List.of()).checks().get(0).verdict());
    }

    @Test
    void aGraderErrorIsNotTheStudentsFault() {
        Question q3 = rubric.question("Q3").orElseThrow();
        RunResult broken = new RunResult("k", -1, false, false, "", "", 0, null, "grader error: disk full");
        QuestionResult r = judge.judge(q3, answer("Q3", "x"), program(3), broken, List.of());
        assertEquals("grader_error", r.status());
        assertTrue(r.checks().stream().allMatch(c -> c.verdict() == Verdict.ERROR));
    }

    @Test
    void noFindingsFailsOnTheChosenRulesAtTheChosenSeverityEvenWhenTheRunWasLost() throws RubricException {
        Rubric r = RubricLoader.parse("assignment: a\nquestions:\n  - id: Q1\n    kind: code\n    checks:\n"
                + "      - {check: no_findings, points: 2}\n"
                + "      - {check: no_findings, id: pools, points: 1, rules: [pool-not-closed]}\n"
                + "      - {check: no_findings, id: all, points: 1, severity: info}\n", "inline.yaml");
        Question q = r.questions().get(0);
        Finding joined = new Finding("process-not-joined", Severity.WARNING, new Origin("s.txt", 104), "never joined");
        Finding guard = new Finding("outside-main-guard", Severity.INFO, new Origin("s.txt", 101), "no guard");
        QuestionResult bad = judge.judge(q, answer("Q1", "x"), program(3), null, List.of(joined, guard));
        assertEquals(List.of(Verdict.FAIL, Verdict.PASS, Verdict.FAIL),
                bad.checks().stream().map(CheckResult::verdict).toList());
        assertEquals(List.of("process-not-joined at line 104: never joined"), bad.checks().get(0).evidence());
        assertEquals(2, bad.checks().get(2).evidence().size());
        assertEquals(1, bad.points());
        assertEquals(List.of(joined, guard), bad.findings());
        QuestionResult good = judge.judge(q, answer("Q1", "x"), program(3), null, List.of(guard));
        assertEquals(3, good.points());
    }
}

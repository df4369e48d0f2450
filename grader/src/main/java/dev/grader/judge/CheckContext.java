package dev.grader.judge;

import dev.grader.analyse.Finding;
import dev.grader.build.Program;
import dev.grader.rubric.Check;
import dev.grader.rubric.CheckSpec;
import dev.grader.rubric.CheckSpecs;
import dev.grader.rubric.Param;
import dev.grader.rubric.Question;
import dev.grader.run.RunResult;
import dev.grader.run.Trace;
import java.util.List;

/**
 * Hold what a check is decided on: the question and the rubric's check, the answer's prose, its program, the run
 * and its trace, the misuse found, and the run of the instructor's tests.
 *
 * @param question the question
 * @param check the rubric's check, with its parameters
 * @param prose the answer's prose
 * @param program the program, or {@code null} when the answer has no code
 * @param run the run, or {@code null} when the program was not run
 * @param summary what reports show of the run, or {@code null}
 * @param findings the misuse found in the answer's code
 * @param tests the run of the question's instructor tests, or {@code null}
 * @param reader how runs of the program's language are read
 */
public record CheckContext(Question question, Check check, String prose, Program program, RunResult run,
        RunSummary summary, List<Finding> findings, RunResult tests, RunReader reader) {

    public CheckContext {
        findings = List.copyOf(findings);
    }

    /** Return the run's trace; empty when nothing was recorded. */
    public Trace trace() {
        return run == null || run.trace() == null ? Trace.empty() : run.trace();
    }

    /** Return a whole-number parameter: the rubric's value, else the check type's default. */
    public int count(String name) {
        Object v = check.params().get(name);
        return v instanceof Number n ? n.intValue() : ((Number) declared(name).fallback()).intValue();
    }

    /** Return a true-or-false parameter: the rubric's value, else the check type's default. */
    public boolean flag(String name) {
        Object v = check.params().get(name);
        return v instanceof Boolean b ? b : (Boolean) declared(name).fallback();
    }

    /** Return a text parameter: the rubric's value, else the check type's default. */
    public String text(String name) {
        Object v = check.params().get(name);
        return v != null ? v.toString() : String.valueOf(declared(name).fallback());
    }

    private Param declared(String name) {
        CheckSpec spec = CheckSpecs.all().get(check.type());
        if (spec != null) {
            for (Param p : spec.params()) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("check '" + check.type() + "' has no parameter '" + name + "'");
    }

    /** Return where a program line was written: "cell 5, line 3". */
    public String at(int programLine) {
        return program.location(programLine);
    }

    /** Pass, with the rubric's pass feedback (or the fallback) and the evidence. */
    public CheckResult pass(String fallback, List<String> evidence) {
        return result(Verdict.PASS, check.passFeedback().isBlank() ? fallback : check.passFeedback(), evidence);
    }

    /** Fail, with the rubric's fail feedback (or the fallback) and the evidence. */
    public CheckResult fail(String fallback, List<String> evidence) {
        return result(Verdict.FAIL, check.failFeedback().isBlank() ? fallback : check.failFeedback(), evidence);
    }

    /** Give a verdict with exactly this feedback; points only for a pass. */
    public CheckResult result(Verdict v, String feedback, List<String> evidence) {
        return new CheckResult(check.id(), check.type(), v, v == Verdict.PASS ? check.points() : 0, check.points(),
                feedback, evidence);
    }
}

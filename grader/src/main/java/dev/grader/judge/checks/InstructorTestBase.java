package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.judge.Verdict;
import dev.grader.run.RunResult;
import dev.grader.run.Trace;
import java.util.List;
import java.util.function.Predicate;

/** Decide a check on the outcome of one of the question's instructor tests: {@code junit}, {@code test}. */
abstract class InstructorTestBase implements CheckType {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    /**
     * Find one test's outcome in the run of the question's tests.
     *
     * @param name the test as the rubric names it ({@code Class#method}, {@code test_squares})
     * @param group what a failure before any test ran is reported under (the test class), or {@code null}
     * @param genuine which outcomes the test runner wrote itself
     */
    CheckResult outcome(CheckContext ctx, String name, String group, Predicate<Trace.TestOutcome> genuine) {
        RunResult tests = ctx.tests();
        if (tests == null) {
            return ctx.result(Verdict.SKIPPED, "Not tested: the tests were not run.", List.of());
        }
        if (tests.error() != null) {
            return ctx.result(Verdict.ERROR, "The grader could not run the tests: " + tests.error(),
                    List.of(tests.error()));
        }
        if (tests.limit() != null) {
            return ctx.result(Verdict.ERROR, "Not tested: the tests were stopped at a limit (" + tests.limit() + ").",
                    List.of(tests.limit()));
        }
        Trace t = tests.trace() == null ? Trace.empty() : tests.trace();
        String failFeedback = ctx.check().failFeedback();
        for (Trace.TestOutcome o : t.tests()) {
            if (!genuine.test(o)) {
                continue;
            }
            boolean same = o.name().equals(name) || o.name().endsWith("." + name) || o.name().endsWith("::" + name);
            if (same && o.status().equals("passed")) {
                return ctx.pass("The test " + o.display() + " passed.", List.of(name + " passed"));
            }
            if (same) {
                String msg = o.message() == null ? o.status() : o.message();
                return ctx.result(Verdict.FAIL, (failFeedback.isBlank() ? "" : failFeedback + " ") + "The test "
                        + o.display() + " " + o.status() + ": " + msg, List.of(name + " " + o.status() + ": " + msg));
            }
        }
        for (Trace.TestOutcome o : t.tests()) {
            if (group != null && genuine.test(o) && (o.name().equals(group) || o.name().endsWith("." + group))) {
                String msg = o.message() == null ? o.status() : o.message();
                return ctx.fail("The test class " + group + " failed before its tests ran: " + msg,
                        List.of(group + " " + o.status() + ": " + msg));
            }
        }
        String why = tests.timedOut() ? "the tests did not finish within the time limit" : "the test did not run";
        return ctx.fail("The test " + name + " did not run: " + why + ".", List.of(why));
    }
}

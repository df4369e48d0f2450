package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Evidence;
import dev.grader.run.Trace;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Decide whether work in child processes (threads, pool tasks) printed: what they wrote, and what they logged.
 * {@code children_print}, {@code workers_print}.
 */
abstract class ChildrenPrintBase extends TraceCheck {

    /** Make the check, seeing the part of the trace given. */
    ChildrenPrintBase(UnaryOperator<Trace> view) {
        super(view);
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        Trace t = seen(ctx);
        List<String> evidence = new ArrayList<>();
        for (Unit u : t.units()) {
            String out = Evidence.printed(u);
            if (!out.isBlank()) {
                evidence.add(Evidence.unitLabel(u) + " printed " + Evidence.quote(out));
            }
        }
        if (evidence.isEmpty()) {
            String why = t.units().isEmpty() ? "no work ran in a child process"
                    : t.units().size() + " unit" + (t.units().size() == 1 ? "" : "s")
                            + " of work ran in child processes and none printed";
            return ctx.fail("The child processes printed nothing.", List.of(why));
        }
        return ctx.pass("The child processes print.", evidence);
    }
}

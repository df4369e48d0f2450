package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Evidence;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Decide whether the answer handed work to its pool (executor): {@code pool_used}, {@code executor_used}. */
abstract class PoolUsedBase extends TraceCheck {

    /** Make the check, seeing the part of the trace given. */
    PoolUsedBase(UnaryOperator<Trace> view) {
        super(view);
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        // the same call made in a loop is one line of evidence, with how often it was made
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (PoolRecord p : seen(ctx).pools()) {
            for (Trace.PoolCall call : p.calls()) {
                calls.merge(call.method() + "(" + Evidence.shortName(call.function()) + ") at " + ctx.at(call.line()), 1,
                        Integer::sum);
            }
        }
        List<String> evidence = new ArrayList<>();
        calls.forEach((text, n) -> evidence.add(n == 1 ? text : text + " (" + n + " times)"));
        if (evidence.isEmpty()) {
            return ctx.fail("No work was given to a pool.", List.of(seen(ctx).pools().isEmpty() ? "no pool was created"
                    : "the pool was created but no work was submitted to it"));
        }
        return ctx.pass("Work was given to the pool.", evidence);
    }
}

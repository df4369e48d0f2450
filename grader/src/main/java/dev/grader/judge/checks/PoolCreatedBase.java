package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Decide whether the answer created a pool (an executor): {@code pool_created}, {@code executor_created}. */
abstract class PoolCreatedBase extends TraceCheck {

    /** Make the check, seeing the part of the trace given. */
    PoolCreatedBase(UnaryOperator<Trace> view) {
        super(view);
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        if (seen(ctx).pools().isEmpty()) {
            return ctx.fail("No pool was created.", List.of("no Pool or ProcessPoolExecutor created"));
        }
        List<String> evidence = new ArrayList<>();
        for (PoolRecord p : seen(ctx).pools()) {
            evidence.add(p.kind() + "(" + p.size() + ") created at " + ctx.at(p.line()));
        }
        return ctx.pass("A pool was created.", evidence);
    }
}

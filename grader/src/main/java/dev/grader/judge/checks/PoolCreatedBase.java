package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.run.Trace.PoolRecord;
import java.util.ArrayList;
import java.util.List;

/** Decide whether the answer created a pool (an executor): {@code pool_created}, {@code executor_created}. */
abstract class PoolCreatedBase implements CheckType {

    @Override
    public CheckResult judge(CheckContext ctx) {
        if (ctx.trace().pools().isEmpty()) {
            return ctx.fail("No pool was created.", List.of("no Pool or ProcessPoolExecutor created"));
        }
        List<String> evidence = new ArrayList<>();
        for (PoolRecord p : ctx.trace().pools()) {
            evidence.add(p.kind() + "(" + p.size() + ") created at " + ctx.at(p.line()));
        }
        return ctx.pass("A pool was created.", evidence);
    }
}

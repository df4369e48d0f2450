package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Decide whether every pool (executor) the answer made was released: a with block, close(), terminate() or
 * shutdown(): {@code pool_closed}, {@code executor_shutdown}.
 */
abstract class PoolClosedBase extends TraceCheck {

    /** Make the check, seeing the part of the trace given. */
    PoolClosedBase(UnaryOperator<Trace> view) {
        super(view);
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        if (seen(ctx).pools().isEmpty()) {
            return ctx.fail("No pool was created.", List.of("no pool was created"));
        }
        List<String> evidence = new ArrayList<>();
        boolean all = true;
        for (PoolRecord p : seen(ctx).pools()) {
            String name = p.kind() + " created at " + ctx.at(p.line());
            if (p.exitLine() != 0) {
                evidence.add(name + " released by its with block ending at " + ctx.at(p.exitLine()));
            } else if (p.closeLine() != 0) {
                evidence.add(name + " closed at " + ctx.at(p.closeLine())
                        + (p.joinLine() != 0 ? ", joined at " + ctx.at(p.joinLine()) : ", never joined"));
            } else if (p.terminateLine() != 0) {
                evidence.add(name + " terminated at " + ctx.at(p.terminateLine()));
            } else if (p.shutdownLine() != 0) {
                evidence.add(name + " shut down at " + ctx.at(p.shutdownLine()));
            } else {
                all = false;
                evidence.add(name + " was never closed");
            }
        }
        return all ? ctx.pass("The pool was closed.", evidence) : ctx.fail("A pool was never closed.", evidence);
    }
}

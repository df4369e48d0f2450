package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Evidence;
import dev.grader.run.Trace;
import dev.grader.run.Trace.ProcessRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Decide whether every process (thread) the answer started was joined: {@code process_joined}, {@code thread_joined}. */
abstract class JoinedCheck extends TraceCheck {

    private final String unit;

    /**
     * Make the check, seeing the part of the trace given.
     *
     * @param unit what it joins: {@code process}, {@code thread}
     */
    JoinedCheck(UnaryOperator<Trace> view, String unit) {
        super(view);
        this.unit = unit;
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        List<ProcessRecord> mine = Evidence.studentStarted(seen(ctx));
        if (mine.isEmpty()) {
            return ctx.fail("No " + unit + " was started, so none was joined.", List.of("no " + unit
                    + " started by the answer"));
        }
        List<String> evidence = new ArrayList<>();
        boolean all = true;
        for (ProcessRecord p : mine) {
            if (p.joined()) {
                evidence.add(p.name() + " joined at " + ctx.at(p.joinLine()));
            } else {
                all = false;
                evidence.add(p.name() + " started at " + ctx.at(p.startLine()) + " was never joined");
            }
        }
        return all ? ctx.pass("Every " + unit + " was joined.", evidence)
                : ctx.fail("A " + unit + " was started but never joined.", evidence);
    }
}

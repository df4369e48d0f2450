package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Evidence;
import dev.grader.run.Trace;
import dev.grader.run.Trace.ProcessRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Decide whether the answer started a process (or a thread) of its own: {@code process_started}, {@code thread_started}. */
abstract class StartedCheck extends TraceCheck {

    private final String none;
    private final String unit;
    private final String onlyWorkers;

    /**
     * Say what the evidence is when nothing of the answer's own was started.
     *
     * @param none when nothing at all was: {@code no multiprocessing.Process was created}
     * @param onlyWorkers when only a pool's workers were
     * @param view the part of the trace it sees
     * @param unit what it starts: {@code process}, {@code thread}
     */
    StartedCheck(String none, String onlyWorkers, UnaryOperator<Trace> view, String unit) {
        super(view);
        this.unit = unit;
        this.none = none;
        this.onlyWorkers = onlyWorkers;
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        Trace t = seen(ctx);
        List<ProcessRecord> mine = Evidence.studentStarted(t);
        if (mine.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            for (int line : t.runCalls()) {
                evidence.add("run() called at " + ctx.at(line) + " instead of start(): the work ran in the "
                        + "calling thread, no new thread was started");
            }
            for (ProcessRecord p : t.processes()) {
                if (!p.poolWorker()) {
                    evidence.add(p.name() + " created at " + ctx.at(p.createdLine()) + " but never started");
                }
            }
            if (evidence.isEmpty()) {
                evidence.add(t.pools().isEmpty() ? none : onlyWorkers);
            }
            return ctx.fail("No " + unit + " was started.", evidence);
        }
        List<String> evidence = new ArrayList<>();
        for (ProcessRecord p : mine) {
            evidence.add(p.name() + Evidence.describeTarget(p) + " started at " + ctx.at(p.startLine()));
        }
        return ctx.pass("A " + unit + " was started.", evidence);
    }
}

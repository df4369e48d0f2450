package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.judge.Evidence;
import dev.grader.judge.Verdict;
import dev.grader.run.RunResult;
import dev.grader.run.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decide {@code runs}: the program ran to completion. */
public final class RunsCheck implements CheckType {

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String description() {
        return "Passes when the program compiles and runs to completion: exit code 0 within the limits. A syntax "
                + "error, an uncaught exception (named with its line), a timeout and a program that never exits fail it.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }

    @Override
    public boolean failsOnSyntaxError() {
        return true;
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        RunResult run = ctx.run();
        Trace.KeptAlive alive = run.trace() == null ? null : run.trace().keptAlive();
        if (run.succeeded() && alive == null) {
            return ctx.pass("The program ran to completion.", List.of("exit code 0 after " + run.wallMillis() + " ms"));
        }
        List<String> evidence = new ArrayList<>();
        String why;
        if (alive != null) {
            why = "The program never exits: main returned, but the worker threads of an ExecutorService that was "
                    + "never shut down keep the JVM alive. Call shutdown() (then awaitTermination) when all tasks "
                    + "are submitted.";
            evidence.add(Evidence.keptAliveText(ctx.program(), ctx.trace(), alive));
        } else if (run.timedOut()) {
            why = "The program did not finish within the time limit and was stopped; " + ctx.reader().hangAdvice();
            evidence.add("stopped after " + run.wallMillis() + " ms (time limit)");
        } else if (run.outputLimitHit()) {
            why = "The program printed more than the output limit and was stopped.";
            evidence.add("output limit reached");
        } else {
            String error = ctx.summary() == null ? null : ctx.summary().error();
            why = error != null ? "The program failed: " + error : "The program exited with code " + run.exitCode() + ".";
            evidence.add("exit code " + run.exitCode());
            if (error != null) {
                evidence.add(error);
            }
        }
        String base = ctx.check().failFeedback().isBlank() ? why : ctx.check().failFeedback() + " " + why;
        return ctx.result(Verdict.FAIL, base, evidence);
    }
}

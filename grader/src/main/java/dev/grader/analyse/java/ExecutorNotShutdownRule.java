package dev.grader.analyse.java;

import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find an ExecutorService never shut down and not in try-with-resources. */
final class ExecutorNotShutdownRule extends JavaRule {

    ExecutorNotShutdownRule() {
        super("java-executor-not-shutdown", Severity.WARNING, "ExecutorService never shut down",
                "Its worker threads are not daemons: the program never exits once main returns, and the run ends at "
                        + "the time limit instead.",
                "Call shutdown() then awaitTermination(), or use try-with-resources (Java 19+).",
                "ExecutorService ex = Executors.newFixedThreadPool(4);\nex.submit(task);   // never shut down\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (Var v : facts.vars(Kind.EXECUTOR)) {
            if (v.resource() || v.escapes() || !v.calls("shutdown", "shutdownNow", "close").isEmpty()) {
                continue;
            }
            out.add(hit(JavaFacts.line(v.declared()), "The executor " + v.name() + " is never shut down: the program "
                    + "will not exit after main returns. Call " + v.name() + ".shutdown() and then awaitTermination()."));
        }
    }
}

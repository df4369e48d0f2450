package dev.grader.analyse.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find run() called on a thread instead of start(). */
final class RunInsteadOfStartRule extends JavaRule {

    RunInsteadOfStartRule() {
        super("java-run-instead-of-start", Severity.ERROR, "run() called instead of start()",
                "run() executes the work in the calling thread, like any method: no new thread is created, so "
                        + "nothing runs in parallel.",
                "Call start(); the new thread then calls run() itself.",
                "Thread t = new Thread(task);\nt.run();\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (Var v : facts.vars(Kind.THREAD)) {
            for (MethodCallExpr run : v.calls("run")) {
                out.add(hit(JavaFacts.line(run), v.name() + ".run() runs the work here, in the calling thread: no "
                        + "thread is started. Call " + v.name() + ".start() instead."));
            }
        }
    }
}

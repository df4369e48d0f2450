package dev.grader.analyse.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find shutdown() without awaitTermination(): main goes on before the tasks are done. */
final class ShutdownWithoutAwaitRule extends JavaRule {

    ShutdownWithoutAwaitRule() {
        super("java-shutdown-without-await", Severity.WARNING, "shutdown() without awaitTermination()",
                "shutdown() only stops new tasks; the submitted ones may still be running when main goes on and "
                        + "prints or uses their results.",
                "Call awaitTermination(timeout, unit) after shutdown(), or read every Future with get().",
                "ex.shutdown();\nSystem.out.println(\"done\");   // tasks may still run\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (Var v : facts.vars(Kind.EXECUTOR)) {
            List<MethodCallExpr> shutdowns = v.calls("shutdown");
            boolean waits = !v.calls("awaitTermination", "close", "invokeAll").isEmpty();
            boolean futuresRead = facts.vars(Kind.FUTURE).stream().anyMatch(f -> !f.calls("get", "join").isEmpty());
            if (!shutdowns.isEmpty() && !waits && !futuresRead && !v.escapes()) {
                out.add(hit(JavaFacts.line(shutdowns.get(0)), v.name() + ".shutdown() does not wait for the tasks: "
                        + "call " + v.name() + ".awaitTermination(...) after it."));
            }
        }
    }
}

package dev.grader.analyse.java;

import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find a Future from submit() whose result is never read, so the task's exceptions are lost. */
final class FutureNotReadRule extends JavaRule {

    FutureNotReadRule() {
        super("java-future-not-read", Severity.WARNING, "Future results never read",
                "An exception thrown by a submitted task is kept in its Future and thrown only by get(); a Future "
                        + "nobody reads hides failures.",
                "Keep each Future and call get() on it, or use execute() for fire-and-forget tasks.",
                "ex.submit(() -> work());   // the Future is dropped\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (MethodCallExpr submit : facts.unit.findAll(MethodCallExpr.class,
                c -> c.getNameAsString().equals("submit") && c.getParentNode().filter(p -> p instanceof ExpressionStmt
                        // an expression lambda's body returns its value: n -> pool.submit(...) keeps the Future
                        && !p.getParentNode().filter(l -> l instanceof LambdaExpr).isPresent()).isPresent())) {
            out.add(hit(JavaFacts.line(submit), "The Future returned by submit() here is dropped: if the task throws, "
                    + "nobody sees it. Keep it and call get(), or use execute()."));
        }
        for (Var v : facts.vars(Kind.FUTURE)) {
            if (v.calls("get", "join", "resultNow", "exceptionNow", "isDone").isEmpty() && !v.escapes()) {
                out.add(hit(JavaFacts.line(v.declared()), "The Future " + v.name() + " is never read with get(): its "
                        + "result and any exception of the task are lost."));
            }
        }
    }
}

package dev.grader.analyse.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find join() called on a thread before it is started. */
final class JoinBeforeStartRule extends JavaRule {

    JoinBeforeStartRule() {
        super("java-join-before-start", Severity.ERROR, "join() called before start()",
                "join() on a thread that was not started returns at once: main does not wait for anything, and the "
                        + "thread then runs on its own.",
                "Call start() first, then join().",
                "Thread t = new Thread(task);\nt.join();\nt.start();\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (Var v : facts.vars(Kind.THREAD)) {
            List<MethodCallExpr> joins = v.calls("join");
            List<MethodCallExpr> starts = v.calls("start");
            if (!joins.isEmpty() && !starts.isEmpty()
                    && joins.get(0).getBegin().get().isBefore(starts.get(0).getBegin().get())
                    && JavaFacts.loopOf(joins.get(0)) == null) {
                out.add(hit(JavaFacts.line(joins.get(0)), v.name() + ".join() comes before " + v.name()
                        + ".start() (line " + JavaFacts.line(starts.get(0)) + "): it returns at once and main waits "
                        + "for nothing. Start the thread first."));
            }
        }
    }
}

package dev.grader.analyse.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find a thread that is started but never joined. */
final class ThreadNotJoinedRule extends JavaRule {

    ThreadNotJoinedRule() {
        super("java-thread-not-joined", Severity.WARNING, "Thread started but never joined",
                "Without join() the main thread does not wait for the worker: its output can come after main's, and "
                        + "main cannot use what the worker computed.",
                "Call join() on every thread you start, after starting all of them.",
                "Thread t = new Thread(() -> System.out.println(1));\nt.start();   // never joined\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (Var v : facts.vars(Kind.THREAD)) {
            List<MethodCallExpr> starts = v.calls("start");
            if (!starts.isEmpty() && v.calls("join").isEmpty() && !v.escapes()) {
                out.add(hit(JavaFacts.line(starts.get(0)), "The thread " + v.name() + " is started here but never "
                        + "joined: main does not wait for it. Call " + v.name() + ".join() after starting it."));
            }
        }
        // new Thread(...).start() keeps no reference: nothing can ever join that thread
        for (MethodCallExpr start : facts.unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("start")
                && c.getArguments().isEmpty() && c.getScope().filter(s -> s instanceof ObjectCreationExpr o
                        && facts.threadClasses.contains(o.getTypeAsString())).isPresent())) {
            out.add(hit(JavaFacts.line(start), "This thread is started without keeping a reference to it, so it can "
                    + "never be joined: main does not wait for it. Keep it in a variable (or a list) and join() it."));
        }
    }
}

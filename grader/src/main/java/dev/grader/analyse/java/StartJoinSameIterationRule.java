package dev.grader.analyse.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.grader.analyse.Severity;
import java.util.List;

/** Find start() and join() on the same thread in one loop iteration. */
final class StartJoinSameIterationRule extends JavaRule {

    StartJoinSameIterationRule() {
        super("java-start-join-same-iteration", Severity.WARNING, "start() and join() in the same loop iteration",
                "Each thread ends before the next one starts: the threads run one at a time and nothing runs in "
                        + "parallel.",
                "Start every thread in one loop, keeping them in a list; join them in a second loop.",
                "for (int i = 0; i < 4; i++) {\n    Thread t = new Thread(task);\n    t.start();\n    t.join();\n}\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (MethodCallExpr join : facts.unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("join")
                && c.getArguments().isEmpty() && c.getScope().filter(s -> s instanceof NameExpr).isPresent())) {
            Node loop = JavaFacts.loopOf(join);
            if (loop == null) {
                continue;
            }
            String name = join.getScope().get().toString();
            boolean startedBefore = loop.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("start")
                    && c.getScope().map(s -> s.toString().equals(name)).orElse(false)
                    && JavaFacts.loopOf(c) == loop && c.getBegin().get().isBefore(join.getBegin().get())).size() > 0;
            if (startedBefore) {
                out.add(hit(JavaFacts.line(join), name + ".start() and " + name + ".join() are in the same iteration "
                        + "of the loop at line " + JavaFacts.line(loop) + ": the threads run one at a time. Start them "
                        + "all in one loop and join them in a second."));
            }
        }
    }
}

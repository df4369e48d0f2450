package dev.grader.analyse.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.grader.analyse.Severity;
import java.util.List;

/** Find System.exit() inside code that runs on a worker thread. */
final class SystemExitInWorkerRule extends JavaRule {

    SystemExitInWorkerRule() {
        super("java-system-exit-in-worker", Severity.WARNING, "System.exit() inside a worker",
                "System.exit() in a thread or task ends the whole program at once: the other threads are killed "
                        + "mid-work and main never gets to join them.",
                "Return from run() (or throw) and let main decide when the program ends.",
                "new Thread(() -> { work(); System.exit(0); }).start();\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        for (MethodCallExpr exit : facts.unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("exit")
                && c.getScope().map(s -> s.toString().equals("System")).orElse(false))) {
            if (inWorker(exit, facts)) {
                out.add(hit(JavaFacts.line(exit), "System.exit() here, in code that runs on a worker thread, ends the "
                        + "whole program and kills the other threads. Return from the task instead."));
            }
        }
    }

    private static boolean inWorker(Node n, JavaFacts facts) {
        for (Node cur = n; cur.getParentNode().isPresent(); cur = cur.getParentNode().get()) {
            Node p = cur.getParentNode().get();
            if (cur instanceof LambdaExpr && (p instanceof ObjectCreationExpr o && facts.threadClasses.contains(
                    o.getTypeAsString()) || p instanceof MethodCallExpr m && List.of("submit", "execute", "runAsync",
                    "supplyAsync").contains(m.getNameAsString()))) {
                return true;
            }
            if (cur instanceof MethodDeclaration md && List.of("run", "call").contains(md.getNameAsString())
                    && p instanceof ClassOrInterfaceDeclaration) {
                return true;
            }
            if (cur instanceof MethodDeclaration md && List.of("run", "call").contains(md.getNameAsString())
                    && p instanceof ObjectCreationExpr) {
                return true;
            }
        }
        return false;
    }
}

package dev.grader.analyse.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collect what a compilation unit does with threads, processes and executors, by variable name within
 * each method: which variables hold them, the calls made on them in source order, and which ones escape
 * (passed to a call, stored, returned), so that rules needing every use stay quiet about those.
 */
final class JavaFacts {

    /** What a variable holds. */
    enum Kind {
        THREAD, EXECUTOR, FUTURE, PROCESS
    }

    /**
     * Hold one variable of interest within one method.
     *
     * @param name the variable's name
     * @param kind what it holds
     * @param declared where it was declared
     * @param calls the calls made on it, in source order
     * @param escapes whether it goes where the analysis cannot follow
     * @param resource whether it is declared in a try-with-resources
     */
    record Var(String name, Kind kind, Node declared, List<MethodCallExpr> calls, boolean escapes, boolean resource) {

        /** Return the calls of the given method names on the variable. */
        List<MethodCallExpr> calls(String... names) {
            Set<String> want = Set.of(names);
            return calls.stream().filter(c -> want.contains(c.getNameAsString())).toList();
        }
    }

    private static final Set<String> EXECUTOR_FACTORIES = Set.of("newFixedThreadPool", "newCachedThreadPool",
            "newSingleThreadExecutor", "newWorkStealingPool", "newScheduledThreadPool", "newVirtualThreadPerTaskExecutor",
            "newThreadPerTaskExecutor", "newSingleThreadScheduledExecutor");

    final CompilationUnit unit;
    final Set<String> threadClasses;
    final Map<Node, List<Var>> varsByScope = new LinkedHashMap<>();

    JavaFacts(CompilationUnit unit) {
        this.unit = unit;
        this.threadClasses = new HashSet<>(Set.of("Thread"));
        for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (c.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals("Thread"))) {
                threadClasses.add(c.getNameAsString());
            }
        }
        for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
            Kind kind = kindOf(v);
            if (kind == null) {
                continue;
            }
            Node scope = scopeOf(v);
            String name = v.getNameAsString();
            List<MethodCallExpr> calls = new ArrayList<>();
            boolean escapes = false;
            for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
                Optional<Node> parent = use.getParentNode();
                if (parent.isPresent() && parent.get() instanceof MethodCallExpr call
                        && call.getScope().filter(s -> s == use).isPresent()) {
                    calls.add(call);
                } else if (parent.isPresent() && (parent.get() instanceof MethodCallExpr
                        || parent.get() instanceof ObjectCreationExpr || parent.get() instanceof ReturnStmt
                        || parent.get() instanceof AssignExpr a && a.getValue() == use
                        || parent.get() instanceof VariableDeclarator)) {
                    escapes = true;
                }
            }
            calls.sort((a, b) -> a.getBegin().get().compareTo(b.getBegin().get()));
            boolean resource = v.getParentNode().flatMap(Node::getParentNode)
                    .filter(n -> n instanceof TryStmt).isPresent();
            boolean field = v.getParentNode().filter(n -> n instanceof FieldDeclaration)
                    .isPresent();
            varsByScope.computeIfAbsent(scope, k -> new ArrayList<>())
                    .add(new Var(name, kind, v, calls, escapes || field, resource));
        }
    }

    /** Return every variable of interest, of one kind. */
    List<Var> vars(Kind kind) {
        return varsByScope.values().stream().flatMap(List::stream).filter(v -> v.kind() == kind).toList();
    }

    private Kind kindOf(VariableDeclarator v) {
        String type = v.getTypeAsString();
        Optional<Expression> init = v.getInitializer();
        if (init.isPresent() && init.get() instanceof ObjectCreationExpr n) {
            String created = n.getTypeAsString();
            if (threadClasses.contains(created)) {
                return Kind.THREAD;
            }
            if (created.equals("ThreadPoolExecutor") || created.equals("ForkJoinPool")) {
                return Kind.EXECUTOR;
            }
        }
        if (init.isPresent() && init.get() instanceof MethodCallExpr m) {
            if (EXECUTOR_FACTORIES.contains(m.getNameAsString())) {
                return Kind.EXECUTOR;
            }
            if (m.getNameAsString().equals("submit")) {
                return Kind.FUTURE;
            }
        }
        if (threadClasses.contains(type)) {
            return init.isPresent() ? Kind.THREAD : null;
        }
        if (type.startsWith("Future") || type.startsWith("CompletableFuture")) {
            return init.isPresent() ? Kind.FUTURE : null;
        }
        if (type.equals("Process")) {
            return Kind.PROCESS;
        }
        return null;
    }

    /** Return the method, constructor, lambda or initializer a variable belongs to. */
    private static Node scopeOf(Node n) {
        Node cur = n;
        while (cur.getParentNode().isPresent()) {
            cur = cur.getParentNode().get();
            if (cur instanceof CallableDeclaration<?>
                    || cur instanceof LambdaExpr
                    || cur instanceof InitializerDeclaration) {
                return cur;
            }
            if (cur instanceof ClassOrInterfaceDeclaration) {
                return cur;
            }
        }
        return cur;
    }

    /** Return the innermost loop around a node, or null. */
    static Node loopOf(Node n) {
        Node cur = n;
        while (cur.getParentNode().isPresent()) {
            cur = cur.getParentNode().get();
            if (cur instanceof ForStmt || cur instanceof ForEachStmt || cur instanceof WhileStmt || cur instanceof DoStmt) {
                return cur;
            }
            if (cur instanceof CallableDeclaration<?>
                    || cur instanceof LambdaExpr) {
                return null;
            }
        }
        return null;
    }

    /** Return the 1-based line where a node starts. */
    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}

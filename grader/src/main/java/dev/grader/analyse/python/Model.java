package dev.grader.analyse.python;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hold what a program does with processes, pools and executors, as found by evaluating its tree.
 *
 * <p>Each creation site is one abstract object; what the code does to it (start, join, close, use)
 * is an event with the order in which the evaluation met it. Rules read this model and the tree.
 */
final class Model {

    /** What an abstract object is. */
    enum Kind {
        PROCESS, POOL, EXECUTOR, ASYNC_RESULT
    }

    final PyNode tree;
    final List<String> lines;
    final boolean script;
    final List<Obj> objects = new ArrayList<>();
    final List<CallSite> calls = new ArrayList<>();
    final List<ClassInfo> classes = new ArrayList<>();
    /** Set when evaluation gave up (the program is too costly to follow): rules must not run on it. */
    boolean incomplete;

    Model(PyNode tree, List<String> lines, boolean script) {
        this.tree = tree;
        this.lines = List.copyOf(lines);
        this.script = script;
    }

    /** Return the objects of one kind, in creation order. */
    List<Obj> objects(Kind kind) {
        return objects.stream().filter(o -> o.kind == kind).toList();
    }

    /** One creation site: every process a loop makes at the same line is one object. */
    static final class Obj {
        final Kind kind;
        final PyNode creation;
        final List<PyNode> loops;
        final boolean guarded;
        final boolean uncalled;
        final int topLine;
        final boolean threads;
        final String api;
        final List<Event> events = new ArrayList<>();
        boolean escaped;
        boolean withManaged;
        boolean errorCallback;
        boolean callback;
        boolean daemon;

        Obj(Kind kind, PyNode creation, List<PyNode> loops, boolean guarded, boolean uncalled, int topLine,
                boolean threads, String api) {
            this.kind = kind;
            this.creation = creation;
            this.loops = List.copyOf(loops);
            this.guarded = guarded;
            this.uncalled = uncalled;
            this.topLine = topLine;
            this.threads = threads;
            this.api = api;
        }

        /** Return the line where the object is created. */
        int line() {
            return creation.line();
        }

        /** Return the events of the given kinds, in evaluation order. */
        List<Event> events(String... kinds) {
            Set<String> want = Set.of(kinds);
            return events.stream().filter(e -> want.contains(e.kind())).toList();
        }

        /** Return the first event of the given kinds, or {@code null}. */
        Event first(String... kinds) {
            List<Event> es = events(kinds);
            return es.isEmpty() ? null : es.get(0);
        }
    }

    /**
     * Hold one thing done to an object.
     *
     * @param kind {@code start}, {@code join}, {@code close}, {@code terminate}, {@code use}, {@code enter},
     *     {@code exit}, {@code shutdown}, {@code fetch}
     * @param method the method called ({@code map}, {@code join}, ...), or the statement ({@code with})
     * @param node the call (or {@code with} statement) that did it
     * @param seq the order in which evaluation met it
     * @param loops the loops (and comprehensions) around it, outermost first
     * @param whole whether it applies to every object the creation site made (false for the last one
     *     of a loop only)
     * @param carried whether it applies to the object a previous iteration of the loop made, so its order
     *     against this iteration's events says nothing
     */
    record Event(String kind, String method, PyNode node, int seq, List<PyNode> loops, boolean whole,
            boolean carried) {

        int line() {
            return node.line();
        }
    }

    /**
     * Hold a call that hands work to a process or pool: what runs, and with which arguments.
     *
     * @param api {@code Process}, {@code Pool.map}, {@code Executor.submit}, ...
     * @param call the call
     * @param callable the expression given as the work ({@code target=}, first argument), or {@code null}
     * @param args the expression given as the arguments ({@code args=}), or {@code null}
     * @param callableValues what the work expression may be
     * @param calleeValues when the work expression is itself a call, what it calls
     * @param argValues what the arguments expression may be
     * @param threads whether the work runs in threads (multiprocessing.dummy, ThreadPool), not processes
     */
    record CallSite(String api, PyNode call, PyNode callable, PyNode args, Set<Val> callableValues,
            Set<Val> calleeValues, Set<Val> argValues, boolean threads) {}

    /**
     * Hold a class the program defines.
     *
     * @param def the {@code ClassDef}
     * @param process whether it subclasses multiprocessing's Process
     */
    record ClassInfo(PyNode def, boolean process) {}

    /** Say what an expression may evaluate to. */
    sealed interface Val permits ObjRef, ListVal, FuncVal, LambdaVal, ClassVal, ModuleVal, QualVal, MethodVal,
            BuiltinVal {}

    /**
     * Refer to an abstract object; {@code whole} is false when only the last one of a loop is meant,
     * {@code carried} is true for the one a previous iteration of the loop made.
     */
    record ObjRef(Obj obj, boolean whole, boolean carried) implements Val {

        ObjRef(Obj obj, boolean whole) {
            this(obj, whole, false);
        }
    }

    /** A list, tuple, set or dict the program fills; compared by identity. */
    static final class ListVal implements Val {
        final Set<Val> items = new LinkedHashSet<>();
    }

    /** A function the program defines; {@code nested} when defined inside another function. */
    record FuncVal(PyNode def, Evaluator.Frame scope, boolean nested) implements Val {}

    /** A lambda expression. */
    record LambdaVal(PyNode node, Evaluator.Frame scope) implements Val {}

    /** A class the program defines. */
    record ClassVal(PyNode def, boolean process, boolean thread) implements Val {}

    /** A module, by its dotted name ({@code multiprocessing}, {@code concurrent.futures}). */
    record ModuleVal(String name) implements Val {}

    /** A name in a module, by its dotted name ({@code multiprocessing.Pool}). */
    record QualVal(String name) implements Val {}

    /** An attribute of a value, e.g. a method of a process ({@code p.start}). */
    record MethodVal(Val base, String name) implements Val {}

    /** A built-in function by name. */
    record BuiltinVal(String name) implements Val {}
}

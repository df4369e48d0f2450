package dev.grader.analyse.python;

import dev.grader.analyse.python.Model.BuiltinVal;
import dev.grader.analyse.python.Model.CallSite;
import dev.grader.analyse.python.Model.ClassInfo;
import dev.grader.analyse.python.Model.ClassVal;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.FuncVal;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.LambdaVal;
import dev.grader.analyse.python.Model.ListVal;
import dev.grader.analyse.python.Model.MethodVal;
import dev.grader.analyse.python.Model.ModuleVal;
import dev.grader.analyse.python.Model.Obj;
import dev.grader.analyse.python.Model.ObjRef;
import dev.grader.analyse.python.Model.QualVal;
import dev.grader.analyse.python.Model.Val;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluate a program's tree abstractly, in the order it would run, to find what it does with
 * processes, pools and executors.
 *
 * <p>Names are resolved as Python resolves them (imports with aliases, functions called from the
 * {@code __main__} block, processes kept in lists and joined in a later loop). Branches are merged, loops
 * run once, functions are followed into their bodies at each call. Whenever an object goes where the
 * evaluation cannot follow it (an attribute, an unknown function), it is marked escaped and the rules
 * that need to see everything done to it stay quiet: a rule never guesses.
 */
final class Evaluator {

    private static final int MAX_DEPTH = 12;
    /** Statements evaluated before giving up; a program this costly to follow gets no findings at all. */
    static final int BUDGET = 200_000;
    private static final Set<String> KNOWN_MODULES = Set.of("multiprocessing", "multiprocessing.pool",
            "multiprocessing.dummy", "multiprocessing.context", "multiprocessing.process", "concurrent",
            "concurrent.futures", "concurrent.futures.process");
    static final Set<String> PROCESS_CLASSES = Set.of("multiprocessing.Process",
            "multiprocessing.context.Process", "multiprocessing.process.BaseProcess",
            "multiprocessing.context.ForkProcess", "multiprocessing.context.SpawnProcess",
            "multiprocessing.context.ForkServerProcess");
    /** A thread is modelled as a process whose work runs in a thread: started, joined, run() called. */
    static final Set<String> THREAD_CLASSES = Set.of("threading.Thread");
    private static final Set<String> STAR_NAMES = Set.of("Process", "Pool", "get_context", "Queue", "Pipe",
            "Manager", "Lock", "Value", "Array", "cpu_count", "current_process", "active_children",
            "ProcessPoolExecutor", "ThreadPoolExecutor", "as_completed", "wait");
    /** Built-ins that neither keep nor call what they are given. */
    private static final Set<String> HARMLESS = Set.of("print", "len", "str", "repr", "format", "isinstance",
            "issubclass", "id", "type", "hash", "bool", "callable", "getattr", "hasattr", "range", "int", "float",
            "sum", "min", "max", "abs", "round", "input", "open", "any", "all", "ord", "chr", "dir", "vars", "divmod",
            "pow", "hex", "bin", "oct", "ascii", "super", "object", "dict", "slice", "Exception", "ValueError",
            "TypeError", "RuntimeError", "KeyError");
    /** Built-ins that return a container of what they are given. */
    private static final Set<String> COPIES = Set.of("list", "tuple", "set", "frozenset", "sorted", "reversed",
            "iter", "enumerate", "zip", "filter", "next");


    private final Model model;
    private final LibraryModel library = new LibraryModel(this);
    private final Frame module;
    private final int firstLine;
    private final List<FuncVal> defs = new ArrayList<>();
    private final Set<PyNode> called = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<PyNode> inlining = new ArrayDeque<>();
    /** Objects a dry pass made, handed to the real pass that reaches the same call. */
    private final Map<PyNode, Deque<Obj>> madeDry = new IdentityHashMap<>();
    private int seq;
    private int dry;
    private int steps;

    private Evaluator(Model model, int firstLine) {
        this.model = model;
        this.module = new Frame(null, null, false, false);
        this.firstLine = firstLine;
    }

    /**
     * Evaluate a module.
     *
     * @param tree the module's tree
     * @param lines the module's source lines
     * @param script whether the code is a script (not notebook cells)
     * @param firstLine the first line of the student's answer: functions defined above it belong to other
     *     answers and are followed only when called
     */
    static Model evaluate(PyNode tree, List<String> lines, boolean script, int firstLine) {
        Model m = new Model(tree, lines, script);
        Evaluator ev = new Evaluator(m, firstLine);
        ev.run();
        return m;
    }

    private void run() {
        for (PyNode s : model.tree.nodes("body")) {
            stmt(s, new Ctx(module, List.of(), false, false, s.line()));
        }
        // Functions nobody calls (targets, workers, methods) still hold code a student wrote: read them too.
        for (int i = 0; i < defs.size(); i++) {
            FuncVal f = defs.get(i);
            if (called.contains(f.def()) || f.def().line() < firstLine) {
                continue;
            }
            called.add(f.def());
            Frame frame = new Frame(f.scope(), module, true, false);
            inlining.push(f.def());
            exec(f.def().nodes("body"), new Ctx(frame, List.of(), true, true, f.def().line()));
            inlining.pop();
            escape(frame.returns);
        }
    }

    // ---- statements ----

    private void exec(List<PyNode> body, Ctx c) {
        for (PyNode s : body) {
            stmt(s, c);
        }
    }

    private void stmt(PyNode s, Ctx c) {
        if (++steps > BUDGET) {
            model.incomplete = true;
            return;
        }
        switch (s.type()) {
            case "Expr" -> eval(s.node("value"), c);
            case "Assign" -> assignStmt(s, c);
            case "AnnAssign" -> {
                if (s.node("value") != null) {
                    assign(s.node("target"), eval(s.node("value"), c), c);
                }
            }
            case "AugAssign" -> augAssign(s, c);
            case "For", "AsyncFor" -> loop(s, s.node("target"), iterItems(eval(s.node("iter"), c)), c);
            case "While" -> {
                eval(s.node("test"), c);
                loop(s, null, Set.of(), c);
            }
            case "If" -> ifStmt(s, c);
            case "With", "AsyncWith" -> with(s, c);
            case "Try", "TryStar" -> tryStmt(s, c);
            case "FunctionDef", "AsyncFunctionDef" -> {
                for (PyNode d : s.nodes("decorator_list")) {
                    eval(d, c);
                }
                Frame scope = c.frame.classBody ? c.frame.parent : c.frame;
                FuncVal f = new FuncVal(s, scope, scope.function);
                if (dry == 0) {
                    defs.add(f);
                }
                c.frame.bind(s.text("name"), Set.of(f));
            }
            case "ClassDef" -> classDef(s, c);
            case "Return" -> {
                if (s.node("value") != null) {
                    c.frame.returns.addAll(eval(s.node("value"), c));
                }
            }
            case "Global", "Nonlocal" -> {
                if (s.value("names") instanceof List<?> names) {
                    for (Object n : names) {
                        c.frame.globals.add(String.valueOf(n));
                    }
                }
            }
            case "Import" -> {
                for (PyNode a : s.nodes("names")) {
                    String name = a.text("name");
                    String as = a.text("asname");
                    if (as != null) {
                        c.frame.bind(as, Set.of(new ModuleVal(name)));
                    } else {
                        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                        c.frame.bind(top, Set.of(new ModuleVal(top)));
                    }
                }
            }
            case "ImportFrom" -> importFrom(s, c);
            case "Match" -> {
                eval(s.node("subject"), c);
                List<List<PyNode>> branches = new ArrayList<>();
                for (PyNode k : s.nodes("cases")) {
                    branches.add(k.nodes("body"));
                }
                branches(branches, c);
            }
            default -> {
                for (PyNode child : s.children()) {
                    if (isStatement(child)) {
                        stmt(child, c);
                    } else {
                        eval(child, c);
                    }
                }
            }
        }
    }

    private static boolean isStatement(PyNode n) {
        return switch (n.type()) {
            case "Expr", "Assign", "AnnAssign", "AugAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
                    "Try", "TryStar", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Global", "Nonlocal",
                    "Import", "ImportFrom", "Match", "Raise", "Assert", "Delete", "Pass", "Break", "Continue" -> true;
            default -> false;
        };
    }

    private void assignStmt(PyNode s, Ctx c) {
        List<PyNode> targets = s.nodes("targets");
        PyNode value = s.node("value");
        if (targets.size() == 1 && isSequence(targets.get(0)) && isSequence(value)
                && targets.get(0).nodes("elts").size() == value.nodes("elts").size()
                && value.nodes("elts").stream().noneMatch(e -> e.is("Starred"))) {
            List<PyNode> ts = targets.get(0).nodes("elts");
            List<PyNode> vs = value.nodes("elts");
            List<Set<Val>> values = new ArrayList<>();
            for (PyNode v : vs) {
                values.add(eval(v, c));
            }
            for (int i = 0; i < ts.size(); i++) {
                assign(ts.get(i), values.get(i), c);
            }
            return;
        }
        Set<Val> v = eval(value, c);
        for (PyNode t : targets) {
            assign(t, v, c);
        }
        if (value != null && value.is("Constant") && Boolean.TRUE.equals(value.value("value"))) {
            for (PyNode t : targets) {
                if (t.is("Attribute") && "daemon".equals(t.text("attr"))) {
                    for (Val b : eval(t.node("value"), c)) {
                        if (b instanceof ObjRef r) {
                            r.obj().daemon = true;
                        }
                    }
                }
            }
        }
    }

    private static boolean isSequence(PyNode n) {
        return n != null && (n.is("Tuple") || n.is("List"));
    }

    private void assign(PyNode t, Set<Val> v, Ctx c) {
        if (t == null) {
            return;
        }
        switch (t.type()) {
            case "Name" -> c.frame.bind(t.text("id"), v);
            case "Tuple", "List" -> {
                Set<Val> each = new LinkedHashSet<>(v);
                each.addAll(iterItems(v));
                for (PyNode e : t.nodes("elts")) {
                    if (e.is("Starred")) {
                        ListVal rest = new ListVal();
                        rest.items.addAll(each);
                        assign(e.node("value"), Set.of(rest), c);
                    } else {
                        assign(e, each, c);
                    }
                }
            }
            case "Starred" -> assign(t.node("value"), v, c);
            case "Attribute" -> {
                eval(t.node("value"), c);
                escape(v);
            }
            case "Subscript" -> {
                Set<Val> base = eval(t.node("value"), c);
                eval(t.node("slice"), c);
                boolean kept = false;
                for (Val b : base) {
                    if (b instanceof ListVal l) {
                        l.items.addAll(v);
                        kept = true;
                    }
                }
                if (!kept) {
                    escape(v);
                }
            }
            default -> escape(v);
        }
    }

    private void augAssign(PyNode s, Ctx c) {
        Set<Val> v = eval(s.node("value"), c);
        PyNode t = s.node("target");
        Set<Val> current = eval(t, c);
        boolean kept = false;
        for (Val cur : current) {
            if (cur instanceof ListVal l) {
                l.items.addAll(iterItems(v));
                kept = true;
            }
        }
        if (!kept) {
            escape(v);
        }
    }

    private void loop(PyNode s, PyNode target, Set<Val> items, Ctx c) {
        Ctx inner = c.inLoop(s);
        Map<String, Set<Val>> before = new HashMap<>(c.frame.vars);
        if (dry == 0) {
            // A first, silent pass finds what one iteration leaves for the next (a process joined at the top of
            // the next iteration); the real pass then starts from it.
            dry++;
            try {
                assign(target, items, inner);
                exec(s.nodes("body"), inner);
            } finally {
                dry--;
            }
            Map<String, Set<Val>> carried = new HashMap<>();
            for (Map.Entry<String, Set<Val>> e : c.frame.vars.entrySet()) {
                Set<Val> marked = new LinkedHashSet<>();
                for (Val v : e.getValue()) {
                    marked.add(v instanceof ObjRef r && containsNode(r.obj().loops, s)
                            ? new ObjRef(r.obj(), r.whole(), true) : v);
                }
                carried.put(e.getKey(), marked);
            }
            c.frame.vars = new HashMap<>(before);
            c.frame.merge(carried);
        }
        assign(target, items, inner);
        exec(s.nodes("body"), inner);
        c.frame.merge(before);
        // After the loop, a plain name holds only the last object the loop made.
        for (Frame f : List.of(c.frame, module)) {
            for (Map.Entry<String, Set<Val>> e : f.vars.entrySet()) {
                Set<Val> lowered = new LinkedHashSet<>();
                for (Val v : e.getValue()) {
                    lowered.add(v instanceof ObjRef r && r.whole() && containsNode(r.obj().loops, s)
                            ? new ObjRef(r.obj(), false) : v);
                }
                e.setValue(lowered);
            }
        }
        exec(s.nodes("orelse"), c);
    }

    private static boolean containsNode(List<PyNode> nodes, PyNode n) {
        for (PyNode x : nodes) {
            if (x == n) {
                return true;
            }
        }
        return false;
    }

    private void ifStmt(PyNode s, Ctx c) {
        if (isMainGuard(s.node("test"))) {
            exec(s.nodes("body"), c.underGuard());
            exec(s.nodes("orelse"), c);
            return;
        }
        eval(s.node("test"), c);
        branches(List.of(s.nodes("body"), s.nodes("orelse")), c);
    }

    /** Run alternative bodies from the same state and merge what each bound. */
    private void branches(List<List<PyNode>> bodies, Ctx c) {
        Map<String, Set<Val>> start = new HashMap<>(c.frame.vars);
        List<Map<String, Set<Val>>> ends = new ArrayList<>();
        for (List<PyNode> body : bodies) {
            c.frame.vars = new HashMap<>(start);
            exec(body, c);
            ends.add(c.frame.vars);
        }
        c.frame.vars = new HashMap<>(start);
        for (Map<String, Set<Val>> e : ends) {
            c.frame.merge(e);
        }
    }

    static boolean isMainGuard(PyNode test) {
        if (test == null || !test.is("Compare") || test.nodes("ops").size() != 1 || !test.nodes("ops").get(0).is("Eq")) {
            return false;
        }
        List<PyNode> sides = new ArrayList<>();
        sides.add(test.node("left"));
        sides.addAll(test.nodes("comparators"));
        boolean name = false;
        boolean main = false;
        for (PyNode side : sides) {
            if (side != null && side.is("Name") && "__name__".equals(side.text("id"))) {
                name = true;
            }
            if (side != null && side.is("Constant") && "__main__".equals(side.value("value"))) {
                main = true;
            }
        }
        return name && main;
    }

    private void with(PyNode s, Ctx c) {
        List<ObjRef> managed = new ArrayList<>();
        for (PyNode item : s.nodes("items")) {
            Set<Val> v = eval(item.node("context_expr"), c);
            Set<Val> bound = new LinkedHashSet<>();
            for (Val x : v) {
                if (x instanceof ObjRef r && (r.obj().kind == Kind.POOL || r.obj().kind == Kind.EXECUTOR)) {
                    r.obj().withManaged = true;
                    event(r, "enter", "with", s, c);
                    managed.add(r);
                    bound.add(r);
                } else if (x instanceof ObjRef || x instanceof ListVal) {
                    bound.add(x);
                }
            }
            assign(item.node("optional_vars"), bound, c);
        }
        exec(s.nodes("body"), c);
        for (ObjRef r : managed) {
            event(r, "exit", "with", s, c);
        }
    }

    private void tryStmt(PyNode s, Ctx c) {
        Map<String, Set<Val>> start = new HashMap<>(c.frame.vars);
        exec(s.nodes("body"), c);
        Map<String, Set<Val>> afterBody = new HashMap<>(c.frame.vars);
        List<Map<String, Set<Val>>> ends = new ArrayList<>();
        ends.add(afterBody);
        for (PyNode h : s.nodes("handlers")) {
            c.frame.vars = new HashMap<>(start);
            c.frame.merge(afterBody);
            eval(h.node("type"), c);
            if (h.text("name") != null) {
                c.frame.bind(h.text("name"), Set.of());
            }
            exec(h.nodes("body"), c);
            ends.add(c.frame.vars);
        }
        c.frame.vars = new HashMap<>(start);
        for (Map<String, Set<Val>> e : ends) {
            c.frame.merge(e);
        }
        exec(s.nodes("orelse"), c);
        exec(s.nodes("finalbody"), c);
    }

    private void classDef(PyNode s, Ctx c) {
        boolean process = false;
        boolean thread = false;
        for (PyNode b : s.nodes("bases")) {
            for (Val v : eval(b, c)) {
                if (v instanceof QualVal q && PROCESS_CLASSES.contains(q.name())
                        || v instanceof ClassVal k && k.process() && !k.thread()) {
                    process = true;
                } else if (v instanceof QualVal q && THREAD_CLASSES.contains(q.name())
                        || v instanceof ClassVal k && k.thread()) {
                    thread = true;
                }
            }
        }
        for (PyNode d : s.nodes("decorator_list")) {
            eval(d, c);
        }
        if (dry == 0) {
            model.classes.add(new ClassInfo(s, process));
        }
        Frame body = new Frame(c.frame, module, false, true);
        exec(s.nodes("body"), c.in(body));
        c.frame.bind(s.text("name"), Set.of(new ClassVal(s, process || thread, thread)));
    }

    private void importFrom(PyNode s, Ctx c) {
        String mod = s.text("module");
        boolean relative = s.value("level") instanceof Number n && n.intValue() > 0;
        for (PyNode a : s.nodes("names")) {
            String name = a.text("name");
            if (mod == null || relative) {
                c.frame.bind(a.text("asname") != null ? a.text("asname") : name, Set.of());
            } else if ("*".equals(name)) {
                if (KNOWN_MODULES.contains(mod)) {
                    for (String star : STAR_NAMES) {
                        c.frame.bind(star, Set.of(member(mod, star)));
                    }
                }
            } else {
                c.frame.bind(a.text("asname") != null ? a.text("asname") : name, Set.of(member(mod, name)));
            }
        }
    }

    private static Val member(String module, String name) {
        String q = module + "." + name;
        return KNOWN_MODULES.contains(q) ? new ModuleVal(q) : new QualVal(q);
    }

    // ---- expressions ----

    private Set<Val> eval(PyNode e, Ctx c) {
        if (e == null) {
            return Set.of();
        }
        switch (e.type()) {
            case "Name": {
                Set<Val> v = c.frame.lookup(e.text("id"));
                if (v != null) {
                    return v;
                }
                String id = e.text("id");
                return HARMLESS.contains(id) || COPIES.contains(id) || id.equals("map")
                        ? Set.of(new BuiltinVal(id)) : Set.of();
            }
            case "Attribute": {
                Set<Val> out = new LinkedHashSet<>();
                for (Val b : eval(e.node("value"), c)) {
                    Val a = attribute(b, e.text("attr"));
                    if (a != null) {
                        out.add(a);
                    }
                }
                return out;
            }
            case "Call":
                return call(e, c);
            case "List", "Tuple", "Set": {
                ListVal l = new ListVal();
                for (PyNode x : e.nodes("elts")) {
                    l.items.addAll(x.is("Starred") ? iterItems(eval(x.node("value"), c)) : eval(x, c));
                }
                return Set.of(l);
            }
            case "Dict": {
                ListVal l = new ListVal();
                for (PyNode k : e.nodes("keys")) {
                    eval(k, c);
                }
                for (PyNode x : e.nodes("values")) {
                    l.items.addAll(eval(x, c));
                }
                return Set.of(l);
            }
            case "ListComp", "SetComp", "GeneratorExp":
                return comprehension(e, c, e.node("elt"));
            case "DictComp":
                return comprehension(e, c, e.node("value"));
            case "Lambda":
                return Set.of(new LambdaVal(e, c.frame));
            case "IfExp": {
                eval(e.node("test"), c);
                Set<Val> out = new LinkedHashSet<>(eval(e.node("body"), c));
                out.addAll(eval(e.node("orelse"), c));
                return out;
            }
            case "BoolOp": {
                Set<Val> out = new LinkedHashSet<>();
                for (PyNode x : e.nodes("values")) {
                    out.addAll(eval(x, c));
                }
                return out;
            }
            case "BinOp": {
                Set<Val> l = eval(e.node("left"), c);
                Set<Val> r = eval(e.node("right"), c);
                PyNode op = e.node("op");
                if (op != null && op.is("Add")) {
                    ListVal sum = new ListVal();
                    sum.items.addAll(iterItems(l));
                    sum.items.addAll(iterItems(r));
                    return sum.items.isEmpty() ? Set.of() : Set.of(sum);
                }
                return Set.of();
            }
            case "NamedExpr": {
                Set<Val> v = eval(e.node("value"), c);
                assign(e.node("target"), v, c);
                return v;
            }
            case "Starred", "Await":
                return eval(e.node("value"), c);
            case "Subscript": {
                Set<Val> base = eval(e.node("value"), c);
                eval(e.node("slice"), c);
                Set<Val> out = new LinkedHashSet<>();
                for (Val v : iterItems(base)) {
                    // Outside a loop, ps[0] is one of the objects, not all of them.
                    out.add(v instanceof ObjRef r && c.loops.isEmpty() ? new ObjRef(r.obj(), false) : v);
                }
                return out;
            }
            case "Yield", "YieldFrom":
                escape(eval(e.node("value"), c));
                return Set.of();
            default:
                for (PyNode child : e.children()) {
                    eval(child, c);
                }
                return Set.of();
        }
    }

    private Set<Val> comprehension(PyNode e, Ctx c, PyNode elt) {
        Ctx inner = c.in(new Frame(c.frame, module, false, false));
        for (PyNode g : e.nodes("generators")) {
            Set<Val> items = iterItems(eval(g.node("iter"), inner));
            inner = inner.inLoop(g);
            assign(g.node("target"), items, inner);
            for (PyNode cond : g.nodes("ifs")) {
                eval(cond, inner);
            }
        }
        if (e.is("DictComp")) {
            eval(e.node("key"), inner);
        }
        ListVal out = new ListVal();
        out.items.addAll(eval(elt, inner));
        return Set.of(out);
    }

    private static Val attribute(Val b, String name) {
        if (b instanceof ModuleVal m) {
            return member(m.name(), name);
        }
        if (b instanceof QualVal q) {
            return new QualVal(q.name() + "." + name);
        }
        if (b instanceof ObjRef || b instanceof ListVal || b instanceof ClassVal) {
            return new MethodVal(b, name);
        }
        return null;
    }

    private Set<Val> iterItems(Set<Val> values) {
        Set<Val> out = new LinkedHashSet<>();
        for (Val v : values) {
            if (v instanceof ListVal l) {
                out.addAll(l.items);
            }
        }
        return out;
    }

    // ---- calls ----

    private Set<Val> call(PyNode e, Ctx c) {
        Set<Val> callee = eval(e.node("func"), c);
        List<Set<Val>> args = new ArrayList<>();
        for (PyNode a : e.nodes("args")) {
            args.add(a.is("Starred") ? iterItems(eval(a.node("value"), c)) : eval(a, c));
        }
        Map<String, Set<Val>> kw = new LinkedHashMap<>();
        for (PyNode k : e.nodes("keywords")) {
            Set<Val> v = eval(k.node("value"), c);
            if (k.text("arg") == null) {
                escape(v);
            } else {
                kw.put(k.text("arg"), v);
            }
        }
        if (callee.isEmpty()) {
            escapeAll(args, kw);
            return Set.of();
        }
        Set<Val> out = new LinkedHashSet<>();
        for (Val f : callee) {
            if (f instanceof QualVal q) {
                out.addAll(library.qualified(q.name(), e, args, kw, c));
            } else if (f instanceof ClassVal k) {
                escapeAll(args, kw);
                if (k.process()) {
                    out.add(new ObjRef(create(Kind.PROCESS, e, c, k.thread(), k.thread() ? "Thread" : "Process"),
                            true));
                }
            } else if (f instanceof FuncVal fn) {
                out.addAll(inline(fn.def(), fn.def().node("args"), fn.scope(), args, kw, c, false));
            } else if (f instanceof LambdaVal l) {
                out.addAll(inline(l.node(), l.node().node("args"), l.scope(), args, kw, c, true));
            } else if (f instanceof MethodVal m) {
                out.addAll(method(m, e, args, kw, c));
            } else if (f instanceof BuiltinVal b) {
                out.addAll(builtin(b.name(), e, args, kw, c));
            } else {
                escapeAll(args, kw);
            }
        }
        return out;
    }

    static PyNode arg(PyNode call, int index) {
        List<PyNode> args = call.nodes("args");
        return index < args.size() ? args.get(index) : null;
    }

    void site(String api, PyNode call, PyNode callable, Set<Val> callableValues, PyNode args,
            Set<Val> argValues, Ctx c, boolean threads) {
        if (dry > 0) {
            return;
        }
        Set<Val> callee = callable != null && callable.is("Call") ? peek(callable.node("func"), c) : Set.of();
        model.calls.add(new CallSite(api, call, callable, args, callableValues == null ? Set.of() : callableValues,
                callee, argValues == null ? Set.of() : argValues, threads));
    }

    /** Evaluate a dotted name again for what it refers to; names and attributes have no side effects. */
    private Set<Val> peek(PyNode e, Ctx c) {
        for (PyNode n = e; n != null; n = n.node("value")) {
            if (n.is("Name")) {
                return eval(e, c);
            }
            if (!n.is("Attribute")) {
                return Set.of();
            }
        }
        return Set.of();
    }

    static Set<Val> value(List<Set<Val>> args, Map<String, Set<Val>> kw, String name, int index) {
        if (kw.containsKey(name)) {
            return kw.get(name);
        }
        return index < args.size() ? args.get(index) : null;
    }

    private Set<Val> method(MethodVal m, PyNode e, List<Set<Val>> args, Map<String, Set<Val>> kw, Ctx c) {
        String name = m.name();
        if (m.base() instanceof ListVal l) {
            switch (name) {
                case "append", "add", "appendleft" -> {
                    if (!args.isEmpty()) {
                        l.items.addAll(args.get(args.size() - 1));
                    }
                }
                case "insert" -> {
                    if (args.size() > 1) {
                        l.items.addAll(args.get(1));
                    }
                }
                case "extend", "update" -> {
                    if (!args.isEmpty()) {
                        l.items.addAll(iterItems(args.get(0)));
                    }
                }
                case "pop", "popleft", "get" -> {
                    return new LinkedHashSet<>(l.items);
                }
                case "copy", "values", "items", "keys" -> {
                    return Set.of(l);
                }
                default -> escapeAll(args, kw);
            }
            return Set.of();
        }
        if (!(m.base() instanceof ObjRef r)) {
            escapeAll(args, kw);
            return Set.of();
        }
        return library.method(r, m.name(), e, args, kw, c);
    }

    private Set<Val> builtin(String name, PyNode e, List<Set<Val>> args, Map<String, Set<Val>> kw, Ctx c) {
        if (HARMLESS.contains(name)) {
            return Set.of();
        }
        if (name.equals("map")) {
            if (args.isEmpty()) {
                return Set.of();
            }
            Set<Val> items = new LinkedHashSet<>();
            for (int i = 1; i < args.size(); i++) {
                items.addAll(iterItems(args.get(i)));
            }
            ListVal out = new ListVal();
            Ctx inner = c.inLoop(e);
            for (Val f : args.get(0)) {
                List<Set<Val>> each = List.of(items);
                if (f instanceof FuncVal fn) {
                    out.items.addAll(inline(fn.def(), fn.def().node("args"), fn.scope(), each, Map.of(), inner, false));
                } else if (f instanceof LambdaVal l) {
                    out.items.addAll(inline(l.node(), l.node().node("args"), l.scope(), each, Map.of(), inner, true));
                } else if (f instanceof MethodVal m) {
                    out.items.addAll(method(m, e, each, Map.of(), inner));
                } else if (!(f instanceof BuiltinVal)) {
                    escape(items);
                }
            }
            return Set.of(out);
        }
        // list(), sorted(), enumerate(), zip(): a container of the same things
        ListVal out = new ListVal();
        for (Set<Val> a : args) {
            out.items.addAll(iterItems(a));
        }
        return name.equals("next") ? out.items : Set.of(out);
    }

    private Set<Val> inline(PyNode def, PyNode params, Frame scope, List<Set<Val>> args, Map<String, Set<Val>> kw,
            Ctx c, boolean lambda) {
        if (containsNode(new ArrayList<>(inlining), def) || inlining.size() >= MAX_DEPTH) {
            escapeAll(args, kw);
            return Set.of();
        }
        called.add(def);
        Frame frame = new Frame(scope, module, true, false);
        bindParams(frame, params, args, kw);
        inlining.push(def);
        try {
            Ctx inner = new Ctx(frame, c.loops, c.guarded, c.uncalled, c.topLine);
            if (lambda) {
                return eval(def.node("body"), inner);
            }
            exec(def.nodes("body"), inner);
            return frame.returns;
        } finally {
            inlining.pop();
        }
    }

    private void bindParams(Frame frame, PyNode params, List<Set<Val>> args, Map<String, Set<Val>> kw) {
        if (params == null) {
            return;
        }
        List<PyNode> positional = new ArrayList<>(params.nodes("posonlyargs"));
        positional.addAll(params.nodes("args"));
        Map<String, Set<Val>> rest = new LinkedHashMap<>(kw);
        for (int i = 0; i < positional.size(); i++) {
            String p = positional.get(i).text("arg");
            Set<Val> v = i < args.size() ? args.get(i) : rest.remove(p);
            frame.bind(p, v == null ? Set.of() : v);
        }
        ListVal extra = new ListVal();
        for (int i = positional.size(); i < args.size(); i++) {
            extra.items.addAll(args.get(i));
        }
        PyNode vararg = params.node("vararg");
        if (vararg != null) {
            frame.bind(vararg.text("arg"), Set.of(extra));
        } else {
            escape(extra.items);
        }
        for (PyNode k : params.nodes("kwonlyargs")) {
            Set<Val> v = rest.remove(k.text("arg"));
            frame.bind(k.text("arg"), v == null ? Set.of() : v);
        }
        for (Set<Val> v : rest.values()) {
            escape(v);
        }
        PyNode kwarg = params.node("kwarg");
        if (kwarg != null) {
            frame.bind(kwarg.text("arg"), Set.of());
        }
    }

    // ---- objects and events ----

    Obj create(Kind kind, PyNode node, Ctx c, boolean threads, String api) {
        if (dry > 0) {
            Obj o = new Obj(kind, node, c.loops, c.guarded, c.uncalled, c.topLine, threads, api);
            madeDry.computeIfAbsent(node, n -> new ArrayDeque<>()).add(o);
            return o;
        }
        Deque<Obj> early = madeDry.get(node);
        Obj o = early == null || early.isEmpty() ? null : early.poll();
        if (o == null) {
            o = new Obj(kind, node, c.loops, c.guarded, c.uncalled, c.topLine, threads, api);
        }
        model.objects.add(o);
        return o;
    }

    void event(ObjRef r, String kind, String method, PyNode node, Ctx c) {
        if (dry == 0) {
            r.obj().events.add(new Event(kind, method, node, ++seq, c.loops, r.whole(), r.carried()));
        }
    }

    void escapeAll(List<Set<Val>> args, Map<String, Set<Val>> kw) {
        for (Set<Val> a : args) {
            escape(a);
        }
        for (Set<Val> a : kw.values()) {
            escape(a);
        }
    }

    private void escape(Set<Val> values) {
        escape(values, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void escape(Set<Val> values, Set<Object> seen) {
        for (Val v : values) {
            if (!seen.add(v)) {
                continue;
            }
            if (v instanceof ObjRef r) {
                r.obj().escaped = true;
            } else if (v instanceof ListVal l) {
                escape(l.items, seen);
            } else if (v instanceof MethodVal m) {
                escape(Set.of(m.base()), seen);
            }
        }
    }

    // ---- scopes ----

    /** Hold the names of one scope: the module, a function call, a class body or a comprehension. */
    static final class Frame {
        final Frame parent;
        final Frame module;
        final boolean function;
        final boolean classBody;
        Map<String, Set<Val>> vars = new HashMap<>();
        final Set<String> globals = new HashSet<>();
        final Set<Val> returns = new LinkedHashSet<>();

        Frame(Frame parent, Frame module, boolean function, boolean classBody) {
            this.parent = parent;
            this.module = module == null ? this : module;
            this.function = function;
            this.classBody = classBody;
        }

        Set<Val> lookup(String name) {
            for (Frame f = this; f != null; f = f.parent) {
                Set<Val> v = f.vars.get(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        void bind(String name, Set<Val> value) {
            Frame target = globals.contains(name) ? module : this;
            target.vars.put(name, new LinkedHashSet<>(value));
        }

        void merge(Map<String, Set<Val>> other) {
            for (Map.Entry<String, Set<Val>> e : other.entrySet()) {
                Set<Val> mine = vars.get(e.getKey());
                if (mine == null) {
                    vars.put(e.getKey(), e.getValue());
                } else if (!mine.containsAll(e.getValue())) {
                    Set<Val> union = new LinkedHashSet<>(mine);
                    union.addAll(e.getValue());
                    vars.put(e.getKey(), union);
                }
            }
        }
    }

    /**
     * Hold where evaluation is: the scope, the loops around, whether under the {@code __main__} guard, whether
     * inside a function nobody calls, and the module-level statement being run.
     */
    record Ctx(Frame frame, List<PyNode> loops, boolean guarded, boolean uncalled, int topLine) {

        Ctx inLoop(PyNode loop) {
            List<PyNode> l = new ArrayList<>(loops);
            l.add(loop);
            return new Ctx(frame, List.copyOf(l), guarded, uncalled, topLine);
        }

        Ctx underGuard() {
            return new Ctx(frame, loops, true, uncalled, topLine);
        }

        Ctx in(Frame f) {
            return new Ctx(f, loops, guarded, uncalled, topLine);
        }
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.BuiltinVal;
import dev.grader.analyse.python.Model.CallSite;
import dev.grader.analyse.python.Model.FuncVal;
import dev.grader.analyse.python.Model.Val;
import java.util.List;
import java.util.Set;

/** Find {@code target=f()}: the function called in the parent instead of passed to the child. */
final class TargetCalledRule extends PythonRule {

    /** Built-ins that never return something callable. */
    private static final Set<String> NOT_CALLABLE = Set.of("print", "input", "len", "str", "int", "float", "range",
            "sum", "min", "max", "abs", "round", "sorted", "list", "tuple", "set", "dict", "repr", "format", "bool");

    TargetCalledRule() {
        super("target-called", Severity.ERROR, "target=f() calls the function instead of passing it",
                "With the brackets the function runs at once, in the parent, and what it returns (usually None) "
                        + "becomes the target: the child process does nothing, or the pool fails with "
                        + "'NoneType object is not callable'.",
                "Pass the function itself and its arguments separately: Process(target=f, args=(x,)), "
                        + "pool.map(f, data).",
                "p = Process(target=show(5))\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (CallSite cs : model.calls) {
            if (cs.callable() == null || !cs.callable().is("Call")) {
                continue;
            }
            String called = describe(cs.calleeValues());
            if (called == null) {
                continue;
            }
            String where = cs.api().equals("Process") ? "target=" : cs.api().substring(cs.api().indexOf('.') + 1)
                    + "(";
            out.add(hit(cs.callable().line(), "In " + where + name(cs.callable()) + "() the brackets call " + called
                    + " right here, in the parent, and pass what it returns (None) as the work: the "
                    + (cs.api().equals("Process") ? "child does nothing. Write target=" + name(cs.callable())
                            + " and pass its arguments in args=(...)."
                            : "pool gets None to call. Pass the function itself, without brackets.")));
        }
    }

    private static String name(PyNode call) {
        PyNode f = call.node("func");
        if (f.is("Name")) {
            return f.text("id");
        }
        if (f.is("Attribute")) {
            return f.text("attr");
        }
        return "f";
    }

    /** Return how to name the called function when it surely returns nothing callable, else null. */
    private static String describe(Set<Val> callee) {
        if (callee.isEmpty()) {
            return null;
        }
        for (Val v : callee) {
            if (v instanceof FuncVal f) {
                if (returnsValue(f.def())) {
                    return null;
                }
            } else if (!(v instanceof BuiltinVal b && NOT_CALLABLE.contains(b.name()))) {
                return null;
            }
        }
        Val first = callee.iterator().next();
        return first instanceof FuncVal f ? f.def().text("name") + "()" : ((BuiltinVal) first).name() + "()";
    }

    /** Return true when a function returns a value somewhere (not counting functions nested in it). */
    static boolean returnsValue(PyNode def) {
        List<PyNode> stack = new java.util.ArrayList<>(def.nodes("body"));
        while (!stack.isEmpty()) {
            PyNode n = stack.remove(stack.size() - 1);
            if (n.is("Return") && n.node("value") != null && !(n.node("value").is("Constant")
                    && n.node("value").value("value") == null)) {
                return true;
            }
            if (n.is("Yield") || n.is("YieldFrom")) {
                return true;
            }
            if (!n.is("FunctionDef") && !n.is("AsyncFunctionDef") && !n.is("Lambda") && !n.is("ClassDef")) {
                stack.addAll(n.children());
            }
        }
        return false;
    }
}

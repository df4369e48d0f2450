package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import java.util.List;
import java.util.Map;

/** Find the camelCase names threading keeps for old code, deprecated since Python 3.10. */
final class ThreadingAliasRule extends PythonRule {

    /** Each deprecated name, with the name to use. */
    private static final Map<String, String> ALIASES = Map.of("currentThread", "current_thread",
            "activeCount", "active_count", "getName", "the name attribute", "setName", "the name attribute",
            "isDaemon", "the daemon attribute", "setDaemon", "the daemon attribute", "isSet", "is_set",
            "notifyAll", "notify_all");

    ThreadingAliasRule() {
        super("threading-deprecated-alias", Severity.INFO, "A deprecated camelCase name of threading",
                "threading still has the camelCase names of its first versions (currentThread(), activeCount(), "
                        + "getName(), isSet()), but since Python 3.10 each call warns with a DeprecationWarning, and "
                        + "they are due to go.",
                "Use the names of PEP 8: current_thread(), active_count(), the name and daemon attributes, "
                        + "is_set(), notify_all().",
                "print(threading.currentThread().getName())\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (PyNode n : model.tree.walk()) {
            if (!n.is("Call") || n.node("func") == null) {
                continue;
            }
            PyNode f = n.node("func");
            String name = f.is("Attribute") ? f.text("attr") : f.is("Name") ? f.text("id") : null;
            // a bare name is threading's only as its own functions: from threading import currentThread
            boolean bare = f.is("Name") && ("currentThread".equals(name) || "activeCount".equals(name));
            if (name != null && ALIASES.containsKey(name) && (f.is("Attribute") || bare)) {
                out.add(hit(n.line(), name + "() is deprecated since Python 3.10 (a DeprecationWarning): use "
                        + ALIASES.get(name) + (ALIASES.get(name).startsWith("the") ? "" : "()") + "."));
            }
        }
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import java.util.List;

/** Find isAlive(), which Python 3.9 removed from threads: the call raises AttributeError. */
final class ThreadIsAliveRule extends PythonRule {

    ThreadIsAliveRule() {
        super("thread-isalive-removed", Severity.ERROR, "isAlive() no longer exists",
                "Thread.isAlive() was deprecated for years and removed in Python 3.9: the call fails with "
                        + "AttributeError: 'Thread' object has no attribute 'isAlive'.",
                "Call is_alive() instead.",
                "if t.isAlive():\n    print('still running')\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (PyNode n : model.tree.walk()) {
            if (n.is("Call") && n.node("func") != null && n.node("func").is("Attribute")
                    && "isAlive".equals(n.node("func").text("attr"))) {
                out.add(hit(n.line(), "isAlive() was removed in Python 3.9: this call fails with AttributeError. "
                        + "Call is_alive()."));
            }
        }
    }
}

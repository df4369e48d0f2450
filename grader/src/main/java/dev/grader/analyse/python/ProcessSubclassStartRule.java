package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import java.util.List;

/** Find a Process subclass that overrides start() instead of run(). */
final class ProcessSubclassStartRule extends PythonRule {

    ProcessSubclassStartRule() {
        super("process-subclass-start", Severity.WARNING, "Process subclass overrides start() instead of run()",
                "start() is what creates the child process; the child then calls run(). Overriding start() without "
                        + "calling Process.start() means no process is created: the work runs in the parent.",
                "Put the child's work in run(); leave start() to multiprocessing.",
                "class Worker(Process):\n    def start(self):\n        print('working')\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Calls.Overriding o : Calls.processOverridesWithoutParent(model, "start")) {
            out.add(hit(o.method().line(), "The class " + o.cls().text("name") + " overrides start(), so start() no "
                    + "longer creates a process: the work runs in the parent. Rename this method to run()."));
        }
    }
}

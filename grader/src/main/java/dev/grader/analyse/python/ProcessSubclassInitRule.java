package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import java.util.List;

/** Find a Process subclass whose __init__ does not call the parent's. */
final class ProcessSubclassInitRule extends PythonRule {

    ProcessSubclassInitRule() {
        super("process-subclass-no-super-init", Severity.ERROR, "Process subclass skips super().__init__()",
                "Process.__init__ sets up what start() needs; a subclass that defines __init__ without calling it "
                        + "makes start() fail with AttributeError.",
                "Call super().__init__() first thing in __init__.",
                "class Worker(Process):\n    def __init__(self, n):\n        self.n = n\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Calls.Overriding o : Calls.processOverridesWithoutParent(model, "__init__")) {
            out.add(hit(o.method().line(), "__init__ of " + o.cls().text("name") + " never calls super().__init__(): "
                    + "start() will fail with AttributeError. Call super().__init__() at its start."));
        }
    }
}

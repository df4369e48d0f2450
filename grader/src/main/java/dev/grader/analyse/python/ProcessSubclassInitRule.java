package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.ClassInfo;
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
    void find(Model model, List<Hit> out) {
        for (ClassInfo c : model.classes) {
            if (!c.process()) {
                continue;
            }
            for (PyNode m : c.def().nodes("body")) {
                if (m.is("FunctionDef") && "__init__".equals(m.text("name")) && !Calls.callsParent(m, "__init__")) {
                    out.add(hit(m.line(), "__init__ of " + c.def().text("name") + " never calls super().__init__(): "
                            + "start() will fail with AttributeError. Call super().__init__() at its start."));
                }
            }
        }
    }
}

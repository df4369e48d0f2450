package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find a ProcessPoolExecutor that is never shut down. */
final class ExecutorNotShutdownRule extends PythonRule {

    ExecutorNotShutdownRule() {
        super("executor-not-shutdown", Severity.WARNING, "ProcessPoolExecutor never shut down",
                "Its worker processes stay alive until the program ends; pending work and the workers' errors are "
                        + "only dealt with at exit, where they can hang or be lost.",
                "Use `with ProcessPoolExecutor() as executor:`, or call executor.shutdown() when done.",
                "ex = ProcessPoolExecutor(4)\nprint(list(ex.map(square, range(4))))   # never shut down\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.EXECUTOR)) {
            if (o.escaped || o.withManaged || !o.events("shutdown").isEmpty()) {
                continue;
            }
            out.add(hit(o.line(), "This executor is never shut down: use `with ProcessPoolExecutor() as ex:` or call "
                    + "shutdown() when the work is done."));
        }
    }
}

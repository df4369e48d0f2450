package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.CallSite;
import dev.grader.analyse.python.Model.FuncVal;
import dev.grader.analyse.python.Model.LambdaVal;
import dev.grader.analyse.python.Model.Val;
import java.util.List;

/** Find a lambda or a function defined inside another function given as work to a pool or a process. */
final class UnpicklableCallableRule extends PythonRule {

    UnpicklableCallableRule() {
        super("unpicklable-callable", Severity.ERROR, "lambda or nested function given to a Pool or Process",
                "Work sent to another process is pickled, and Python pickles a function by its module-level name: a "
                        + "lambda or a function defined inside another function has none. A pool fails with "
                        + "PicklingError everywhere; a Process target works with fork on Linux but fails under spawn "
                        + "(Windows, macOS, Python 3.14 on Linux).",
                "Define the function at the top level of the module and pass it by name.",
                "with Pool(4) as pool:\n    pool.map(lambda x: x * x, range(10))\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (CallSite cs : model.calls) {
            if (cs.threads() || cs.callable() == null) {
                continue;
            }
            String what = null;
            for (Val v : cs.callableValues()) {
                if (v instanceof LambdaVal) {
                    what = "a lambda";
                } else if (v instanceof FuncVal f && f.nested()) {
                    what = "the function " + f.def().text("name") + ", defined inside another function,";
                }
            }
            if (what == null) {
                continue;
            }
            if (cs.api().equals("Process")) {
                out.add(hit(Severity.WARNING, cs.callable().line(), "The target is " + what + " which cannot be "
                        + "pickled: this works with fork on Linux but fails under spawn (Windows, macOS, Python 3.14). "
                        + "Define the target at the top level of the module."));
            } else {
                out.add(hit(cs.callable().line(), "The work given to " + cs.api().replace("Pool.", "pool.")
                        .replace("Executor.", "executor.") + "() is " + what + " which cannot be pickled to send to "
                        + "the workers: it fails with PicklingError. Define the function at the top level of the "
                        + "module and pass it by name."));
            }
        }
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find join() called on a process before it is started, or on one that is never started. */
final class JoinBeforeStartRule extends PythonRule {

    JoinBeforeStartRule() {
        super("join-before-start", Severity.ERROR, "join() called before start()",
                "join() waits for a running process; on one that was not started yet it fails with "
                        + "'AssertionError: can only join a started process'.",
                "Call start() first, then join().",
                "p = multiprocessing.Process(target=work)\np.join()\np.start()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            Event join = o.events("join").stream().filter(e -> !e.carried()).findFirst().orElse(null);
            if (join == null) {
                continue;
            }
            Event start = o.first("start");
            // a thread says so with a RuntimeError
            String what = o.threads ? "thread" : "process";
            String error = o.threads ? "RuntimeError" : "AssertionError";
            if (start == null && !o.escaped && o.events("run").isEmpty()) {
                out.add(hit(join.line(), "join() is called on a " + what + " that is never started: it fails with "
                        + error + ". Call start() on it first."));
            } else if (start != null && join.seq() < start.seq()) {
                out.add(hit(join.line(), "join() is called here before start() (" + at(start.line()) + "): it fails "
                        + "with " + error + ". Start the " + what + " first, then join it."));
            }
        }
    }
}

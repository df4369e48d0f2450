package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find run() called on a thread or process that is never started: its work runs in the caller, alone. */
final class RunInsteadOfStartRule extends PythonRule {

    RunInsteadOfStartRule() {
        super("run-instead-of-start", Severity.WARNING, "run() called instead of start()",
                "run() is the work itself: called directly it runs in the calling thread, like any function, and "
                        + "waits for it to end. No new thread or process is made, so nothing runs in parallel.",
                "Call start(): it makes the thread (or process) and calls run() in it. Then join() it.",
                "t = threading.Thread(target=work)\nt.run()   # runs work() here, not in a thread\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            List<Event> runs = o.events("run");
            if (runs.isEmpty() || !o.events("start").isEmpty() || o.escaped) {
                continue;
            }
            String what = o.threads ? "thread" : "process";
            out.add(hit(runs.get(0).line(), "run() runs the " + what + "'s work right here, in the calling thread, "
                    + "and no " + what + " is started: call start() to run it in a new " + what + ", then join()."));
        }
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find start() and join() in the same iteration of a loop, which runs the processes one at a time. */
final class StartJoinSameIterationRule extends PythonRule {

    StartJoinSameIterationRule() {
        super("start-join-same-iteration", Severity.WARNING, "start() and join() in the same loop iteration",
                "The parent waits for each process before starting the next, so the processes run one after "
                        + "another: nothing runs in parallel, and the program is as slow as without processes.",
                "Start every process in one loop, keeping them in a list; join them in a second loop.",
                "for n in range(4):\n    p = Process(target=show, args=(n,))\n    p.start()\n    p.join()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            for (Event j : o.events("join")) {
                Event s = o.events("start").stream()
                        .filter(x -> x.seq() < j.seq() && x.whole() && j.whole() && !x.carried() && !j.carried()
                                && !x.loops().isEmpty()
                                && sameLoops(x.loops(), j.loops()))
                        .findFirst().orElse(null);
                if (s != null) {
                    PyNode loop = j.loops().get(j.loops().size() - 1);
                    String what = o.threads ? "thread" : "process";
                    out.add(hit(j.line(), "start() (" + at(s.line()) + ") and join() are in the same iteration of the "
                            + "loop at " + at(loop.line()) + ": each " + what + " ends before the next one starts, so "
                            + "they run one at a time. Start them all in one loop and join them in a second loop."));
                    break;
                }
            }
        }
    }

    private static boolean sameLoops(List<PyNode> a, List<PyNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}

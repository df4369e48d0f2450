package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find a process that is started but never joined, or of which a loop joins only the last. */
final class ProcessNotJoinedRule extends PythonRule {

    ProcessNotJoinedRule() {
        super("process-not-joined", Severity.WARNING, "Process started but never joined",
                "Without join() the parent does not wait for the child: its output can come after the parent's, or "
                        + "be lost when the program ends, and the child is left a zombie until the parent exits.",
                "Call join() on every process you start, after starting all of them: keep the processes in a list "
                        + "and join them in a second loop.",
                "p = multiprocessing.Process(target=work)\np.start()   # never joined\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            List<Event> starts = o.events("start");
            if (starts.isEmpty() || o.escaped || o.threads) {
                continue;
            }
            List<Event> joins = o.events("join");
            String daemon = o.daemon ? " As a daemon it is killed when the parent ends, with whatever it had left"
                    + " to print." : "";
            if (joins.isEmpty()) {
                out.add(hit(starts.get(0).line(), "This process is started but never joined: the parent does not wait "
                        + "for it to finish. Call join() on it after starting it." + daemon));
            } else if (joins.stream().noneMatch(Event::whole) && starts.stream().anyMatch(Event::whole)
                    && !o.loops.isEmpty()) {
                out.add(hit(joins.get(0).line(), "Only the last process made by the loop at "
                        + at(o.loops.get(o.loops.size() - 1).line()) + " is joined here; the others are never waited for. "
                        + "Keep every process in a list and join each of them."));
            }
        }
    }
}

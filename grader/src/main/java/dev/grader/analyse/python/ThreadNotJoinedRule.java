package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find a thread that is started but never joined, or of which a loop joins only the last. */
final class ThreadNotJoinedRule extends PythonRule {

    ThreadNotJoinedRule() {
        super("thread-not-joined", Severity.WARNING, "Thread started but never joined",
                "Without join() nothing waits for the thread where the program needs its work: what it prints comes "
                        + "after what follows, what it computes is not there yet, and a daemon thread is stopped at "
                        + "exit with its work half done.",
                "Call join() on every thread you start, after starting all of them: keep the threads in a list and "
                        + "join them in a second loop.",
                "t = threading.Thread(target=work)\nt.start()   # never joined\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            List<Event> starts = o.events("start");
            if (!o.threads || starts.isEmpty() || o.escaped) {
                continue;
            }
            List<Event> joins = o.events("join");
            if (joins.isEmpty()) {
                out.add(hit(starts.get(0).line(), "This thread is started but never joined: nothing waits for it to "
                        + "finish. Call join() on it once every thread is started." + (o.daemon ? " As a daemon it "
                        + "is stopped when the program ends, with whatever it had left to do." : "")));
            } else if (joins.stream().noneMatch(Event::whole) && starts.stream().anyMatch(Event::whole)
                    && !o.loops.isEmpty()) {
                out.add(hit(joins.get(0).line(), "Only the last thread made by the loop at "
                        + at(o.loops.get(o.loops.size() - 1).line()) + " is joined here; the others are never waited "
                        + "for. Keep every thread in a list and join each of them."));
            }
        }
    }
}

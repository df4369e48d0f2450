package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/**
 * Find a process or thread that is started but never joined, or of which a loop joins only the last:
 * {@code process-not-joined}, {@code thread-not-joined}.
 */
abstract class NotJoinedRule extends PythonRule {

    private final boolean threads;

    NotJoinedRule(String id, String summary, String why, String fix, String example, boolean threads) {
        super(id, Severity.WARNING, summary, why, fix, example);
        this.threads = threads;
    }

    /** Say that this one is never joined. */
    abstract String neverJoined(Obj o);

    /** Say that only the last one made by the loop at this place is joined. */
    abstract String onlyTheLast(String loop);

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.PROCESS)) {
            List<Event> starts = o.events("start");
            if (o.threads != threads || starts.isEmpty() || o.escaped) {
                continue;
            }
            List<Event> joins = o.events("join");
            if (joins.isEmpty()) {
                out.add(hit(starts.get(0).line(), neverJoined(o)));
            } else if (joins.stream().noneMatch(Event::whole) && starts.stream().anyMatch(Event::whole)
                    && !o.loops.isEmpty()) {
                out.add(hit(joins.get(0).line(), onlyTheLast(at(o.loops.get(o.loops.size() - 1).line()))));
            }
        }
    }
}

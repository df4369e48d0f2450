package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find an apply_async / map_async / submit result that is never fetched, so the task's exceptions are lost. */
final class AsyncResultNotFetchedRule extends PythonRule {

    AsyncResultNotFetchedRule() {
        super("async-result-not-fetched", Severity.WARNING, "apply_async / map_async result never fetched",
                "An exception raised by the task is stored in its result object and raised only by get() (or "
                        + "result() for a Future). If nobody asks, a failing task fails silently and the return "
                        + "value is lost.",
                "Keep the result objects and call get() on each (result() for a Future), or pass error_callback=.",
                "for n in range(4):\n    pool.apply_async(show, (n,))   # result ignored\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.ASYNC_RESULT)) {
            if (o.escaped || o.errorCallback || !o.events("fetch").isEmpty()) {
                continue;
            }
            String fetch = o.api.equals("submit") ? "result()" : "get()";
            if (o.callback) {
                out.add(hit(o.line(), "The results of " + o.api + "() here reach the callback, but if the task raises "
                        + "an exception nobody sees it: pass error_callback= as well, or keep the result and call "
                        + fetch + " on it."));
                continue;
            }
            out.add(hit(o.line(), "The result of " + o.api + "() here is never fetched with " + fetch + ": if the task "
                    + "raises an exception nobody sees it, and its return value is lost. Keep the result and call "
                    + fetch + " on it."));
        }
    }
}

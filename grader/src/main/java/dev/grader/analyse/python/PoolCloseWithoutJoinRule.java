package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find pool.close() never followed by pool.join(). */
final class PoolCloseWithoutJoinRule extends PythonRule {

    PoolCloseWithoutJoinRule() {
        super("pool-close-without-join", Severity.WARNING, "Pool closed but never joined",
                "close() only stops new work from being handed out; the workers may still be running. Without join() "
                        + "the parent goes on (or exits) without waiting for them, and their output or side effects "
                        + "can be lost.",
                "Call pool.join() right after pool.close(), or use `with Pool(n) as pool:`.",
                "pool = Pool(4)\npool.map_async(show, range(4))\npool.close()   # no join()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.POOL)) {
            Event close = o.first("close");
            if (close == null || o.escaped || o.withManaged) {
                continue;
            }
            // A join before the close is pool-join-without-close's to report.
            if (o.events("join").isEmpty()) {
                out.add(hit(close.line(), "The pool is closed here but never joined: the parent does not wait for "
                        + "its workers to finish. Call join() after close()."));
            }
        }
    }
}

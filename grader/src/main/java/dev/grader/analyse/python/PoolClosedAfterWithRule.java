package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find close(), join() or terminate() called on a pool after its {@code with} block already ended it. */
final class PoolClosedAfterWithRule extends PythonRule {

    PoolClosedAfterWithRule() {
        super("pool-closed-after-with", Severity.INFO, "close() or join() after the pool's with block",
                "Leaving a `with Pool() as pool:` block already terminates the pool and waits for its workers; "
                        + "close() and join() after it do nothing. Worse, terminate() on exit kills work handed out "
                        + "with map_async or apply_async that has not finished: collect results inside the block.",
                "Drop the calls after the block, or replace the block by pool.close() then pool.join().",
                "with Pool(4) as pool:\n    pool.map(show, range(4))\npool.close()\npool.join()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.POOL)) {
            Event exit = o.first("exit");
            if (exit == null) {
                continue;
            }
            o.events("close", "join", "terminate").stream().filter(e -> e.seq() > exit.seq()).findFirst()
                    .ifPresent(e -> out.add(hit(e.line(), e.method() + "() after the `with` block (which ended at "
                            + at(exit.node().endLine()) + ") does nothing: leaving the block already terminated the pool. "
                            + "Drop it, or use close() and join() instead of the `with` block.")));
        }
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find pool.join() on a pool that was not closed or terminated first. */
final class PoolJoinWithoutCloseRule extends PythonRule {

    PoolJoinWithoutCloseRule() {
        super("pool-join-without-close", Severity.ERROR, "pool.join() without close() or terminate() first",
                "join() waits for the workers to exit, and they exit only once the pool is closed: Python refuses "
                        + "with 'ValueError: Pool is still running'.",
                "Call pool.close() (or terminate()) before pool.join().",
                "pool = Pool(4)\npool.map(square, range(10))\npool.join()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.POOL)) {
            for (Event j : o.events("join")) {
                if (j.carried()) {
                    continue;
                }
                boolean closed = o.events("close", "terminate", "exit").stream().anyMatch(e -> e.seq() < j.seq());
                if (!closed) {
                    out.add(hit(j.line(), "join() is called on a pool that is still open: it fails with "
                            + "'ValueError: Pool is still running'. Call close() before join()."));
                    break;
                }
            }
        }
    }
}

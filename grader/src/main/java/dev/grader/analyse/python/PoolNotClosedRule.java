package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find a pool that is never closed: no {@code with}, no close(), no terminate(). */
final class PoolNotClosedRule extends PythonRule {

    PoolNotClosedRule() {
        super("pool-not-closed", Severity.WARNING, "Pool never closed",
                "A pool's worker processes live until the pool is closed or terminated. Left open they are only "
                        + "cleaned up when the program ends, and a pool still open at exit can hang the interpreter "
                        + "or lose its workers' output.",
                "Use `with Pool(n) as pool:`, or call pool.close() then pool.join() once all work is handed out.",
                "pool = Pool(4)\nprint(pool.map(square, range(10)))   # never closed\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects(Kind.POOL)) {
            if (o.escaped || o.withManaged || !o.events("close", "terminate", "exit").isEmpty()) {
                continue;
            }
            out.add(hit(o.line(), "This pool is never closed: call close() and then join() on it when the work is "
                    + "handed out, or create it with `with Pool(...) as pool:`."));
        }
    }
}

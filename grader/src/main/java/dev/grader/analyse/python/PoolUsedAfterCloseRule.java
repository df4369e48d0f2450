package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Event;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find work handed to a pool or executor after it was closed, or after its {@code with} block ended. */
final class PoolUsedAfterCloseRule extends PythonRule {

    PoolUsedAfterCloseRule() {
        super("pool-used-after-close", Severity.ERROR, "Pool used after close() or after its with block",
                "A closed pool takes no more work, and leaving its `with` block terminates it: map() or apply() then "
                        + "fails with 'ValueError: Pool not running' (an executor with 'cannot schedule new futures "
                        + "after shutdown').",
                "Hand out all the work before close(), or inside the `with` block.",
                "with Pool(4) as pool:\n    pass\nprint(pool.map(square, range(4)))\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (Obj o : model.objects) {
            if (o.kind != Kind.POOL && o.kind != Kind.EXECUTOR) {
                continue;
            }
            for (Event u : o.events("use")) {
                if (u.carried()) {
                    continue;
                }
                Event ended = o.events("close", "terminate", "exit", "shutdown").stream()
                        .filter(e -> e.seq() < u.seq()).findFirst().orElse(null);
                if (ended != null) {
                    String how = ended.kind().equals("exit")
                            ? "after its `with` block ended at " + at(ended.node().endLine()) + ", which terminated it"
                            : "after " + ended.method() + "() at " + at(ended.line());
                    out.add(hit(u.line(), u.method() + "() is called on the " + (o.kind == Kind.POOL ? "pool " : "executor ")
                            + how + ": it fails with " + (o.kind == Kind.POOL ? "'ValueError: Pool not running'"
                                    : "'RuntimeError: cannot schedule new futures after shutdown'")
                            + ". Hand out the work before that."));
                    break;
                }
            }
        }
    }
}

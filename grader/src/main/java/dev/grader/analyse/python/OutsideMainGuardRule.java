package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.Obj;
import java.util.List;

/** Find processes, pools and executors created outside {@code if __name__ == "__main__":}. */
final class OutsideMainGuardRule extends PythonRule {

    OutsideMainGuardRule() {
        super("outside-main-guard", Severity.WARNING, "Process or Pool created outside the __main__ guard",
                "Under the spawn and forkserver start methods (Windows, macOS, and Linux from Python 3.14) each child "
                        + "imports the main file again. Code at the top level then runs again in every child, which "
                        + "fails with 'RuntimeError: An attempt has been made to start a new process before the "
                        + "current process has finished its bootstrapping phase'. In a notebook the guard changes "
                        + "nothing, but the same code saved as a script breaks.",
                "Put the code that creates and starts processes under `if __name__ == \"__main__\":`, or in a "
                        + "function called from there.",
                "p = Process(target=work)   # at the top level\np.start()\np.join()\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        List<Obj> unguarded = model.objects.stream()
                .filter(o -> o.kind != Kind.ASYNC_RESULT && !o.threads && !o.guarded && !o.uncalled)
                .toList();
        if (unguarded.isEmpty()) {
            return;
        }
        Obj first = unguarded.get(0);
        String what = switch (first.kind) {
            case POOL -> "A pool is";
            case EXECUTOR -> "An executor is";
            default -> "A process is";
        };
        String via = first.topLine != first.line() ? " (by the call at " + at(first.topLine) + ")" : "";
        String more = unguarded.size() > 1 ? " So are " + (unguarded.size() - 1) + " more, the first at "
                + at(unguarded.get(1).line()) + "." : "";
        if (model.script) {
            out.add(hit(first.line(), what + " created here" + via + " at the top level of the module, outside "
                    + "`if __name__ == \"__main__\":`. Under spawn (Windows, macOS, Python 3.14) every child re-runs "
                    + "this line and the program fails. Move it under the guard." + more));
        } else {
            out.add(hit(Severity.INFO, first.line(), what + " created here" + via + " outside "
                    + "`if __name__ == \"__main__\":`. In a notebook that is harmless, but saved as a script and run "
                    + "under spawn (Windows, macOS, Python 3.14) it fails. Put it under the guard." + more));
        }
    }
}

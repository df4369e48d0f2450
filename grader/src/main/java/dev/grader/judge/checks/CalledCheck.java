package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.rubric.Param;
import dev.grader.run.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Decide {@code called}: the answer's code that ran called each of the library functions listed. */
public final class CalledCheck implements CheckType {

    /** The functions the tracer sees called, by the name rubrics give them. */
    private static final Set<String> FUNCTIONS = new TreeSet<>(List.of("threading.active_count",
            "threading.current_thread", "threading.enumerate", "threading.main_thread", "threading.get_ident",
            "threading.get_native_id", "multiprocessing.current_process", "multiprocessing.active_children",
            "multiprocessing.cpu_count", "multiprocessing.parent_process"));

    @Override
    public String name() {
        return "called";
    }

    @Override
    public String description() {
        return "Passes when the answer's code, as it ran, called each of the functions listed (the functions of "
                + "threading and multiprocessing that say which threads and processes there are); a deprecated "
                + "alias counts as its function (activeCount as active_count, currentThread as current_thread). "
                + "Code in markdown, in comments or never reached does not count.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("functions", Param.Type.CHOICES, null, "The functions that must be called.",
                () -> FUNCTIONS));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public String example() {
        return "- check: called\n  functions: [threading.active_count, threading.current_thread, threading.enumerate]\n"
                + "  points: 1\n";
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        List<?> wanted = ctx.check().params().get("functions") instanceof List<?> l ? l : List.of();
        List<String> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Object w : wanted) {
            List<String> seen = new ArrayList<>();
            for (Trace.Call c : ctx.trace().calls()) {
                if (c.function().equals(w)) {
                    seen.add(c.name() + "() at " + ctx.at(c.line()) + (c.count() == 1 ? "" : " (" + c.count()
                            + " times)"));
                }
            }
            if (seen.isEmpty()) {
                missing.add(w + "()");
                evidence.add(w + "() was never called");
            } else {
                evidence.addAll(seen);
            }
        }
        return missing.isEmpty() ? ctx.pass("Each function was called.", evidence)
                : ctx.fail("Not called: " + String.join(", ", missing) + ".", evidence);
    }
}

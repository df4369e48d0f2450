package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.judge.Evidence;
import dev.grader.rubric.Param;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decide {@code thread_prints}: code running in a thread (not the main thread) printed, and with {@code function}
 * the thread ran a function of that name: "the squares are printed inside a thread".
 */
public final class ThreadPrintsCheck implements CheckType {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");

    @Override
    public String name() {
        return "thread_prints";
    }

    @Override
    public String description() {
        return "Passes when code running in a thread of the answer's (a Thread's run, or a task of a pool of "
                + "threads), not in the main thread, printed at least numbers numbers in all (any output when 0); "
                + "with function, only the threads running a function whose name matches count: function: sq "
                + "for the thread that prints the squares. Whether the numbers are right is another check's.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("function", Param.Type.REGEX, "", "The function the thread runs (found in its name, "
                        + "ignoring case); any when absent."),
                new Param("numbers", Param.Type.COUNT, 0, "How many numbers those threads must print in all."));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        String function = ctx.text("function");
        Pattern named = Pattern.compile(function, Pattern.CASE_INSENSITIVE);
        int wanted = ctx.count("numbers");
        List<String> evidence = new ArrayList<>();
        int numbers = 0;
        boolean printed = false;
        int threads = 0;
        for (Unit u : ctx.trace().units()) {
            if (!u.thread() || !named.matcher(Evidence.shortName(u.function())).find()) {
                continue;
            }
            threads++;
            String out = Evidence.printed(u);
            if (out.isBlank()) {
                continue;
            }
            printed = true;
            Matcher m = NUMBER.matcher(out);
            int n = 0;
            while (m.find()) {
                n++;
            }
            numbers += n;
            if (evidence.size() < 12) {
                evidence.add(Evidence.unitLabel(u) + " printed " + Evidence.quote(out));
            }
        }
        String which = function.isEmpty() ? "thread" : "thread running a function matching '" + function + "'";
        if (threads == 0) {
            return ctx.fail("No " + which + " ran.", List.of("no " + which + " ran"));
        }
        if (!printed || numbers < wanted) {
            String matching = function.isEmpty() ? "" : " running a function matching '" + function + "'";
            evidence.add(threads + (threads == 1 ? " thread" : " threads") + matching + " ran; "
                    + (printed ? numbers + " number" + (numbers == 1 ? "" : "s") + " printed, at least " + wanted
                    + " needed" : "none printed"));
            return ctx.fail(printed ? "Too few values were printed inside the threads." : "Nothing was printed inside "
                    + "the threads: the main thread printed, or the values were returned or stored instead.",
                    evidence);
        }
        return ctx.pass("Printed inside a thread.", evidence);
    }
}

package dev.grader.judge;

import dev.grader.build.Program;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Say what a run did in the words checks give as evidence: units of work, processes, what they printed. */
public final class Evidence {

    private static final Pattern WARNING_LINE = Pattern.compile("^(\\S+:\\d+: )?\\w*Warning: |^\\s+warnings\\.warn\\(");

    private Evidence() {
    }

    /** Return the processes (threads) the student started: not a pool's workers. */
    public static List<ProcessRecord> studentStarted(Trace t) {
        return t.processes().stream().filter(p -> !p.poolWorker() && p.started() && p.startLine() != 0).toList();
    }

    /** Name a unit of work: "process square(3)", "pool task f(1)", "thread t1 (work)". */
    public static String unitLabel(Unit u) {
        if (u.kind().equals("thread")) {
            // Python names a thread after its target: "Thread-1 (square)"
            String function = shortName(u.function());
            return "thread " + u.argument() + (u.function().isBlank() || u.argument().endsWith("(" + function + ")")
                    ? "" : " (" + function + ")");
        }
        String arg = u.argument() == null ? "" : u.argument();
        String call = arg.isEmpty() && u.function().contains(" ") ? u.function()
                : shortName(u.function()) + "(" + arg + ")";
        return u.kind().equals("process") ? "process " + call : "pool task " + call;
    }

    /**
     * Return what a unit of work printed: its standard output, and its standard error but for tracebacks and
     * warnings (a child that logs with the logging module writes there).
     */
    public static String printed(Unit u) {
        String err = u.stderr() == null ? "" : u.stderr();
        if (err.isBlank()) {
            return u.stdout();
        }
        StringBuilder kept = new StringBuilder();
        boolean traceback = false;
        for (String line : err.split("\n", -1)) {
            if (line.startsWith("Traceback (most recent call last)")) {
                traceback = true;
                continue;
            }
            if (traceback) {
                // the traceback ends at its exception's line, the first not indented
                traceback = line.startsWith(" ");
                continue;
            }
            if (WARNING_LINE.matcher(line).find() || line.isBlank()) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return u.stdout() + kept;
    }

    /** Say what a process runs: " (target work)", or nothing when unknown. */
    public static String describeTarget(ProcessRecord p) {
        return p.target() == null || p.target().isBlank() ? "" : " (target " + shortName(p.target()) + ")";
    }

    /** Drop the {@code __main__.} a function of the student's program is named with, and a built-in's module. */
    public static String shortName(String qualified) {
        if (qualified == null) {
            return "?";
        }
        return qualified.startsWith("__main__.") || qualified.startsWith("__mp_main__.")
                || qualified.startsWith("builtins.") ? qualified.substring(qualified.indexOf('.') + 1) : qualified;
    }

    /** Quote printed text on one line, shortened. */
    public static String quote(String s) {
        String one = s.strip().replace("\n", " ⏎ ");
        return "\"" + (one.length() > 120 ? one.substring(0, 117) + "..." : one) + "\"";
    }

    /** Say what kept a JVM alive once main returned: the idle workers of executors never shut down. */
    public static String keptAliveText(Program program, Trace t, Trace.KeptAlive alive) {
        List<String> pools = new ArrayList<>();
        for (PoolRecord p : t.pools()) {
            if (alive.pools().contains(p.id())) {
                pools.add(p.kind() + " created at " + program.location(p.line()));
            }
        }
        return "main returned; still alive: " + String.join(", ", alive.threads())
                + (pools.isEmpty() ? "" : " (workers of " + String.join(", ", pools) + ", never shut down)");
    }
}

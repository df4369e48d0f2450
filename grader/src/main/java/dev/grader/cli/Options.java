package dev.grader.cli;

import dev.grader.run.Limits;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import dev.grader.run.Toolchain;
import dev.grader.rubric.Quantities;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Hold the options every grading command shares: rubric, interpreter, limits and isolation. */
final class Options {

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric (YAML). Default: the bundled multiprocessing rubric (rubrics/multiprocessing.yaml).")
    Path rubric;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "Python interpreter that runs the students' code (3.8 or newer). Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Wall-time limit of each program (10s, 500ms, 2m). Default: the rubric's.")
    String timeout;

    @Option(names = "--cpu-time", paramLabel = "DURATION", description = "CPU time of each process. Default: the rubric's.")
    String cpuTime;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory of each run (512MiB, 1G); of each process where no control group is available. "
                    + "Default: the rubric's.")
    String memory;

    @Option(names = "--processes", paramLabel = "N", description = "Processes each run may have at once. Default: the rubric's.")
    Integer processes;

    @Option(names = "--file-size", paramLabel = "SIZE",
            description = "Largest file a run may write (its folders hold at most four times this). Default: the rubric's.")
    String fileSize;

    @Option(names = "--max-output", paramLabel = "SIZE",
            description = "Bytes kept of each program's stdout and stderr; more ends the run. Default: the rubric's.")
    String maxOutput;

    @Option(names = "--start-method", paramLabel = "METHOD",
            description = "Grade under this multiprocessing start method: fork, spawn or forkserver. Default: the "
                    + "rubric's, else the platform's.")
    String startMethod;

    @Option(names = "--spawn-check", description = "Also run each program under spawn and report what would break on "
            + "Windows, macOS or Python 3.14 (a missing main guard, functions that cannot be pickled).")
    boolean spawnCheck;

    @Option(names = "--isolation", paramLabel = "LAYER", defaultValue = "bubblewrap",
            description = "Best isolation layer to use: bubblewrap, uid or plain; the grader probes down from it. "
                    + "Default: ${DEFAULT-VALUE}.")
    String isolation;

    @Option(names = "--no-zygote", description = "Start an interpreter for every run instead of forking each run, "
            + "sandboxed, from a warm one (also GRADER_ZYGOTE=0). Verdicts are the same either way.")
    boolean noZygote;

    @Option(names = "--require-isolation", paramLabel = "LAYER",
            description = "Refuse to grade (exit code 3) unless runs get at least this layer: bubblewrap, uid or plain. "
                    + "For CI.")
    String requireIsolation;

    /** Load the rubric and apply the command line's limits, printing every problem; return null when invalid. */
    Rubric loadRubric(PrintWriter err) {
        Rubric r = readRubric(err);
        if (r == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        Limits l = r.limits();
        Duration wall = duration("--timeout", timeout, l.wallTime(), problems);
        Duration cpu = duration("--cpu-time", cpuTime, l.cpuTime(), problems);
        long mem = size("--memory", memory, l.memoryBytes(), problems);
        long file = size("--file-size", fileSize, l.fileSizeBytes(), problems);
        long out = size("--max-output", maxOutput, l.outputBytes(), problems);
        int procs = l.processes();
        if (processes != null) {
            if (processes < 2) {
                problems.add("--processes must be at least 2, not " + processes);
            }
            procs = processes;
        }
        String method = r.startMethod();
        if (startMethod != null) {
            if (!RubricLoader.START_METHODS.contains(startMethod)) {
                problems.add("--start-method must be fork, spawn or forkserver, not '" + startMethod + "'");
            }
            method = startMethod;
        }
        for (String layer : new String[] {isolation, requireIsolation}) {
            try {
                if (layer != null) {
                    Sandbox.Layer.of(layer);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return null;
        }
        Rubric limited = r.with(new Limits(wall, cpu, mem, procs, file, out), method);
        return spawnCheck ? limited.withSpawnCheck(true) : limited;
    }

    private static Duration duration(String option, String text, Duration fallback, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        Duration d = Quantities.duration(text);
        if (d == null) {
            problems.add(option + " '" + text + "' is not a duration such as 10s, 500ms or 2m");
            return fallback;
        }
        return d;
    }

    private static long size(String option, String text, long fallback, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        Long v = Quantities.size(text);
        if (v == null) {
            problems.add(option + " '" + text + "' is not a size such as 65536, 256KiB or 1MiB");
            return fallback;
        }
        return v;
    }

    /**
     * Make the runner in the best layer allowed, printing the warning of a weak layer; return null (after
     * saying why) when the layer is below the one required.
     */
    LocalRunner runner(Toolchain toolchain, PrintWriter err) {
        LocalRunner runner = new LocalRunner(toolchain, null, Sandbox.Layer.of(isolation),
                !noZygote && !"0".equals(System.getenv("GRADER_ZYGOTE")));
        Sandbox s = runner.sandbox();
        if (requireIsolation != null && !s.layer().atLeast(Sandbox.Layer.of(requireIsolation))) {
            err.println("Runs would get the '" + s.layer().label() + "' layer, below the required '" + requireIsolation
                    + "': " + s.describe());
            if (s.warning() != null) {
                err.println(s.warning());
            }
            return null;
        }
        if (s.layer() == Sandbox.Layer.PLAIN && Sandbox.isRoot() && !"plain".equals(isolation)) {
            // students' code never runs as root unless the instructor says so in so many words
            err.println("Refusing to run students' programs as root without a sandbox: " + s.describe());
            err.println(s.warning());
            err.println("Pass --isolation plain to accept this, or --python with an interpreter under /usr or /opt.");
            return null;
        }
        if (s.warning() != null) {
            err.println(s.warning());
        }
        return runner;
    }

    private Rubric readRubric(PrintWriter err) {
        try {
            return rubric == null ? RubricLoader.loadBundled("multiprocessing.yaml") : RubricLoader.load(rubric);
        } catch (RubricException e) {
            err.println("The rubric is not valid:");
            for (String p : e.problems()) {
                err.println("  " + p);
            }
            return null;
        }
    }
}

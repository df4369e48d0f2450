package dev.grader.lang.java;

import dev.grader.analyse.Finding;
import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaRuleSet;
import dev.grader.build.Program;
import dev.grader.ingest.Note;
import dev.grader.judge.RunReader;
import dev.grader.judge.RunSummary;
import dev.grader.run.RunResult;
import dev.grader.run.StackDump;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read a JVM run: the exception that ended main, where each thread waited, threads still running at exit. */
final class JavaRunReader implements RunReader {

    private static final Pattern JAVA_UNCAUGHT = Pattern.compile("^Exception in thread \"main\" (.*)$");
    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at (\\S+)\\(([^:()]+\\.java):(\\d+)\\)");

    @Override
    public String compileError() {
        return "compile error";
    }

    @Override
    public String compileErrorStatus() {
        return "compile_error";
    }

    @Override
    public String exception(Program program, String stderr) {
        return javaException(program, stderr);
    }

    @Override
    public List<RunSummary.Hang> hangs(Program program, RunResult run) {
        return javaHangs(program, run);
    }

    @Override
    public List<Finding> findings(Program program, RunResult run) {
        Trace.KeptAlive alive = run == null || run.trace() == null || run.error() != null || run.limit() != null
                ? null : run.trace().keptAlive();
        return alive == null ? List.of() : keptAliveFindings(program, run.trace(), alive);
    }

    @Override
    public List<Note> notes(Program program, RunResult run, Map<String, RunResult> others) {
        if (run == null || run.trace() == null || run.timedOut() || run.error() != null) {
            return List.of();
        }
        List<String> running = new ArrayList<>();
        for (Unit u : run.trace().units()) {
            if (u.kind().equals("thread") && !u.finished() && u.error() == null) {
                running.add(u.argument());
            }
        }
        if (running.isEmpty()) {
            return List.of();
        }
        return List.of(new Note(program.file(), 0, "still running when the program ended: thread "
                + String.join(", thread ", running) + " (the JVM stopped " + (running.size() == 1 ? "it" : "them")
                + " at exit: a daemon thread, or System.exit)"));
    }

    @Override
    public String hangAdvice() {
        return "a thread may be waiting forever (a join() on a blocked thread, a lock, latch or barrier never "
                + "released, an executor never shut down).";
    }

    /** Find the exception that ended a Java program's main, at the student's line. */
    private static String javaException(Program program, String stderr) {
        String[] lines = stderr.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher m = JAVA_UNCAUGHT.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            for (int k = i + 1; k < lines.length; k++) {
                Matcher f = JAVA_FRAME.matcher(lines[k]);
                if (f.find()) {
                    int line = javaLine(program, f.group(2), Integer.parseInt(f.group(3)));
                    if (line > 0 && program.fileLine(line) > 0) {
                        return m.group(1) + " (" + program.location(line) + ")";
                    }
                } else if (!lines[k].startsWith("\t") && !lines[k].startsWith(" ")) {
                    break;
                }
            }
            return m.group(1);
        }
        return null;
    }

    /** Return the program line of a line of one of a Java program's source files, 0 when it is not the student's. */
    private static int javaLine(Program program, String file, int line) {
        Integer offset = program.jvm() == null ? null : program.jvm().units().get(file);
        return offset == null || line <= 0 ? 0 : offset + line;
    }

    /** Say where each thread of a Java program waited when the time limit stopped it. */
    private static List<RunSummary.Hang> javaHangs(Program program, RunResult run) {
        List<RunSummary.Hang> out = new ArrayList<>();
        String[] src = program.source().split("\n", -1);
        for (StackDump d : run.stacks()) {
            List<String> frames = new ArrayList<>();
            String studentAt = null;
            // the harness's own frames and lambda proxies say nothing to a student
            List<StackDump.Frame> shown = d.frames().stream().filter(f -> !f.function().startsWith("dev.grader.jrt.")
                    && !f.function().startsWith("jdk.internal.reflect.") && !f.function().startsWith("java.lang.reflect.")
                    && !f.function().contains("$$Lambda")).toList();
            for (StackDump.Frame f : shown) {
                int line = javaLine(program, f.file(), f.line());
                if (line > 0 && program.fileLine(line) > 0) {
                    String code = line <= src.length ? src[line - 1].strip() : "";
                    String at = program.location(line);
                    frames.add(at + " in " + f.function() + (code.isEmpty() ? "" : ": " + code));
                    if (studentAt == null) {
                        studentAt = at + (code.isEmpty() ? "" : " (" + code + ")");
                    }
                } else {
                    frames.add(f.function() + (f.file().isEmpty() ? "" : " (" + f.file()
                            + (f.line() > 0 ? ":" + f.line() : "") + ")"));
                }
            }
            if (studentAt == null || shown.isEmpty()) {
                continue;
            }
            StackDump.Frame top = shown.get(0);
            boolean own = javaLine(program, top.file(), top.line()) > 0;
            String waiting = own ? "running " + studentAt : (d.state().isEmpty() ? "" : d.state() + " in ")
                    + top.function() + "(), called from " + studentAt;
            out.add(new RunSummary.Hang("thread " + d.thread(), waiting, frames));
        }
        return out;
    }

    private static List<Finding> keptAliveFindings(Program program, Trace t, Trace.KeptAlive alive) {
        List<Finding> out = new ArrayList<>();
        for (PoolRecord p : t.pools()) {
            if (alive.pools().contains(p.id())) {
                out.add(new Finding(JavaRuleSet.EXECUTOR_KEEPS_JVM_ALIVE.id(), Severity.ERROR, program.origin(p.line()),
                        "The program never exits: the executor made here was never shut down, and once main returned "
                                + "its idle worker threads kept the JVM alive. Call shutdown() when all tasks are "
                                + "submitted, then awaitTermination(...)."));
            }
        }
        if (out.isEmpty()) {
            out.add(new Finding(JavaRuleSet.EXECUTOR_KEEPS_JVM_ALIVE.id(), Severity.ERROR, Program.Origin.NONE,
                    "The program never exits: idle executor workers (" + String.join(", ", alive.threads())
                            + ") kept the JVM alive after main returned. Shut every executor down."));
        }
        return out;
    }
}

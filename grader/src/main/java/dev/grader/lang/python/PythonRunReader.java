package dev.grader.lang.python;

import dev.grader.build.Program;
import dev.grader.ingest.Note;
import dev.grader.judge.RunReader;
import dev.grader.judge.RunSummary;
import dev.grader.run.RunResult;
import dev.grader.run.StackDump;
import dev.grader.run.Trace;
import dev.grader.run.Trace.ProcessRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read a Python run: its traceback, where its processes waited, what running it under spawn changed. */
final class PythonRunReader implements RunReader {

    /** The role of the run under the spawn start method, beside the program's own. */
    static final String SPAWN = "spawn";

    private static final Pattern TRACEBACK_LINE = Pattern.compile("File \"([^\"]*)\", line (\\d+)");
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\\b.*)$");

    @Override
    public String compileError() {
        return "SyntaxError";
    }

    @Override
    public String compileErrorStatus() {
        return "syntax_error";
    }

    @Override
    public String exception(Program program, String stderr) {
        return lastException(program, stderr);
    }

    @Override
    public List<RunSummary.Hang> hangs(Program program, RunResult run) {
        return hangs(program, run, run.trace() == null ? Trace.empty() : run.trace());
    }

    @Override
    public List<Note> notes(Program program, RunResult run, Map<String, RunResult> others) {
        String spawn = spawnBreakage(program, run, others.get(SPAWN));
        return spawn == null ? List.of() : List.of(new Note(program.file(), 0, spawn));
    }

    @Override
    public String hangAdvice() {
        return "a process may be waiting forever (a join() on a blocked child, a Pipe never closed, a pool never "
                + "closed).";
    }

    /** Say where each process was blocked at the time limit, at the student's lines. */
    private static List<RunSummary.Hang> hangs(Program program, RunResult run, Trace t) {
        List<RunSummary.Hang> out = new ArrayList<>();
        String[] src = program.source().split("\n", -1);
        for (StackDump d : run.stacks()) {
            if (d.frames().isEmpty()) {
                continue;
            }
            ProcessRecord rec = t.processes().stream().filter(p -> p.pid() == d.pid()).findFirst().orElse(null);
            String who;
            if (rec != null) {
                who = rec.poolWorker() ? "pool worker " + rec.name() : rec.name() + " " + shortTarget(rec.target()) + "()";
            } else if (d.frames().stream().anyMatch(f -> f.function().equals("<module>") && f.file().endsWith("/main.py"))) {
                // the program's own top level (below it, in a forked run, only the runner that started it)
                who = "main process";
            } else {
                who = "process " + d.pid();
            }
            List<String> frames = new ArrayList<>();
            String studentAt = null;
            for (StackDump.Frame f : d.frames()) {
                if (f.file().endsWith("/main.py")) {
                    String code = f.line() >= 1 && f.line() <= src.length ? src[f.line() - 1].strip() : "";
                    String at = program.location(f.line());
                    frames.add(at + " in " + f.function() + (code.isEmpty() ? "" : ": " + code));
                    if (studentAt == null) {
                        studentAt = at + (code.isEmpty() ? "" : " (" + code + ")");
                    }
                } else {
                    frames.add(libraryFile(f.file()) + " line " + f.line() + " in " + f.function());
                }
            }
            StackDump.Frame top = d.frames().get(0);
            String waiting = top.file().endsWith("/main.py") ? "running " + program.location(top.line())
                    : "waiting in " + libraryFile(top.file()) + " " + top.function() + "()";
            out.add(new RunSummary.Hang(who, waiting + (studentAt != null && !top.file().endsWith("/main.py")
                    ? ", called from " + studentAt : ""), frames));
        }
        return out;
    }

    private static String shortTarget(String target) {
        int dot = target == null ? -1 : target.lastIndexOf('.');
        return target == null ? "" : target.substring(dot + 1);
    }

    /** Shorten a library path to what follows the interpreter's lib folder: multiprocessing/connection.py. */
    private static String libraryFile(String file) {
        Matcher m = Pattern.compile("/lib/python3\\.\\d+/(.*)$").matcher(file);
        return m.find() ? m.group(1) : file;
    }

    /**
     * Say what goes wrong when the program runs under spawn though it ran under the platform's start method, or
     * return {@code null} when spawn changes nothing that matters.
     */
    static String spawnBreakage(Program program, RunResult usual, RunResult spawn) {
        if (usual == null || spawn == null || !usual.succeeded() || spawn.error() != null) {
            return null;
        }
        // a child that fails under spawn leaves the parent's exit code alone: compare the errors printed too
        List<String> before = exceptionLines(usual.stderr());
        String fresh = null;
        for (String e : exceptionLines(spawn.stderr())) {
            if (!before.contains(e)) {
                fresh = e;
            }
        }
        if (spawn.succeeded() && fresh == null) {
            return null;
        }
        String how;
        if (spawn.timedOut()) {
            how = "it does not finish within the time limit";
        } else {
            String e = spawn.exitCode() != 0 ? lastException(program, spawn.stderr()) : null;
            how = "it fails: " + (e != null ? e : fresh != null ? fresh : "exit code " + spawn.exitCode());
        }
        how = how.endsWith(".") ? how.substring(0, how.length() - 1) : how;
        return "Under the spawn start method (the default on Windows and macOS; forkserver, the default on Linux "
                + "from Python 3.14, works the same way) " + how + ". Put the code that starts processes under "
                + "if __name__ == \"__main__\": and give processes and pools only functions defined at the top level.";
    }

    private static List<String> exceptionLines(String stderr) {
        List<String> out = new ArrayList<>();
        String[] lines = (stderr == null ? "" : stderr).split("\n");
        Pattern exception = Pattern.compile("^\\w+(?:\\.\\w+)*(?:Error|Exception)\\b.*$");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!exception.matcher(line).matches()) {
                continue;
            }
            // some messages start on the next lines (RuntimeError: <newline> An attempt has been made ...)
            StringBuilder text = new StringBuilder(line);
            for (int j = i + 1; line.endsWith(":") && j < lines.length && j <= i + 3 && !lines[j].isBlank()
                    && Character.isWhitespace(lines[j].charAt(0)); j++) {
                text.append(' ').append(lines[j].strip());
            }
            out.add(text.toString());
        }
        return out;
    }

    /** Find the exception that ended the main program and the student's line it happened at. */
    static String lastException(Program program, String stderr) {
        String[] lines = stderr.split("\\R");
        int tb = -1;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("Traceback (most recent call last)")) {
                tb = i;
                break;
            }
        }
        if (tb < 0) {
            return null;
        }
        int programLine = 0;
        String exception = null;
        for (int i = tb + 1; i < lines.length; i++) {
            Matcher m = TRACEBACK_LINE.matcher(lines[i]);
            if (m.find() && m.group(1).endsWith("main.py")) {
                programLine = Integer.parseInt(m.group(2));
            }
            Matcher e = EXCEPTION_LINE.matcher(lines[i].strip());
            if (!lines[i].startsWith(" ") && e.matches()) {
                exception = e.group(1);
            }
        }
        if (exception == null) {
            return null;
        }
        if (program == null || program.fileLine(programLine) <= 0) {
            return exception;
        }
        return exception + " (" + program.location(programLine) + ")";
    }
}

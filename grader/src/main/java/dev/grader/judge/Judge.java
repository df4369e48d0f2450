package dev.grader.judge;

import dev.grader.analyse.Catalogue;
import dev.grader.analyse.Finding;
import dev.grader.analyse.Severity;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import dev.grader.rubric.Check;
import dev.grader.rubric.CheckSpecs;
import dev.grader.rubric.Question;
import dev.grader.run.RunResult;
import dev.grader.run.StackDump;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.grader.segment.Answer;

/**
 * Decide every check of a question from the answer, its program and what the program did.
 *
 * <p>Verdicts rest on the trace of the run, never on outputs saved in the notebook, and never on
 * which pool worker ran which task, so the same submission always gets the same verdicts.
 */
public final class Judge {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern TRACEBACK_LINE = Pattern.compile("File \"([^\"]*)\", line (\\d+)");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\\b.*)$");

    /**
     * Judge one question. {@code program} and {@code run} are null when there is no code to run.
     *
     * @param findings the misuse the analysis found in the answer's code
     */
    public QuestionResult judge(Question question, Answer answer, Program program, RunResult run,
            List<Finding> findings) {
        return judge(question, answer, program, run, findings, null);
    }

    /**
     * Judge one question of the Java track, with the run of the instructor's tests.
     *
     * @param findings the misuse the analysis found in the answer's code
     * @param tests the run of the question's instructor tests, or {@code null} when it has none or was not run
     */
    public QuestionResult judge(Question question, Answer answer, Program program, RunResult run,
            List<Finding> findings, RunResult tests) {
        List<Note> notes = new ArrayList<>(answer.notes());
        String kind = question.kind() == Question.Kind.CODE ? "code" : "prose";
        String prose = proseOf(question, answer);
        if (!answer.found()) {
            List<CheckResult> checks = new ArrayList<>();
            for (Check c : question.checks()) {
                checks.add(result(c, Verdict.SKIPPED, "No answer found for " + question.id() + ": " + answer.how(),
                        List.of()));
            }
            return new QuestionResult(question.id(), question.title(), kind, "missing", answer.how(), 0,
                    question.maxPoints(), checks, null, null, "", notes, List.of());
        }
        CodeListing code = program == null ? listing(answer, question.kind() == Question.Kind.CODE) : listingOf(program);
        String status;
        if (program == null) {
            status = question.kind() == Question.Kind.CODE ? "no_code" : "answered";
        } else if (program.syntaxError() != null) {
            status = program.isJava() ? "compile_error" : "syntax_error";
        } else if (run == null) {
            status = "not_run";
        } else if (run.error() != null) {
            status = run.error().startsWith("environment:") ? "environment" : "grader_error";
        } else if (run.limit() != null) {
            status = "limit";
        } else if (missingModule(run.stderr()) != null || networkNeeded(run) != null) {
            status = "environment";
        } else if (run.timedOut() || keptAlive(run) != null) {
            status = "timeout";
        } else if (run.exitCode() != 0) {
            status = "crashed";
        } else {
            status = "ran";
        }
        RunSummary summary = run == null ? null : summarise(program, run);
        Trace.KeptAlive alive = keptAlive(run);
        if (alive != null) {
            findings = new ArrayList<>(findings);
            findings.addAll(keptAliveFindings(program, run.trace(), alive));
        }
        List<CheckResult> checks = new ArrayList<>();
        for (Check c : question.checks()) {
            checks.add(decide(new CheckContext(question, c, prose, program, run, summary, findings, tests)));
        }
        double points = checks.stream().mapToDouble(CheckResult::points).sum();
        if (program != null && program.isJava() && run != null && run.trace() != null && !run.timedOut()
                && run.error() == null) {
            List<String> running = new ArrayList<>();
            for (Unit u : run.trace().units()) {
                if (u.kind().equals("thread") && !u.finished() && u.error() == null) {
                    running.add(u.argument());
                }
            }
            if (!running.isEmpty()) {
                notes.add(new Note(program.file(), 0, "still running when the program ended: thread "
                        + String.join(", thread ", running) + " (the JVM stopped "
                        + (running.size() == 1 ? "it" : "them") + " at exit: a daemon thread, or System.exit)"));
            }
        }
        return new QuestionResult(question.id(), question.title(), kind, status, answer.how(), points,
                question.maxPoints(), checks, code, summary, prose, notes, findings);
    }

    private CheckResult decide(CheckContext ctx) {
        Check c = ctx.check();
        if (!(CheckSpecs.all().get(c.type()) instanceof CheckType type)) {
            return result(c, Verdict.ERROR, "The grader has no check '" + c.type() + "'.", List.of());
        }
        if (type.needs() == CheckType.Needs.NOTHING) {
            return type.judge(ctx);
        }
        Program program = ctx.program();
        if (program == null) {
            return result(c, Verdict.FAIL, failText(c, "No code was found in the answer to " + ctx.question().id() + "."),
                    List.of());
        }
        if (program.syntaxError() != null) {
            Program.SyntaxProblem e = program.syntaxError();
            String where = e.line() > 0 ? " at " + e.origin().describe() : "";
            String kind = program.isJava() ? "compile error" : "SyntaxError";
            if (type.failsOnSyntaxError()) {
                return result(c, Verdict.FAIL, "The code does not compile: " + kind + where + ": " + e.message(),
                        List.of(kind + where + ": " + e.message()));
            }
            return result(c, Verdict.SKIPPED, "Not checked: the code does not compile.", List.of());
        }
        if (type.needs() == CheckType.Needs.CODE) {
            return type.judge(ctx);
        }
        RunResult run = ctx.run();
        if (run == null) {
            return result(c, Verdict.SKIPPED, "Not checked: the program was not run.", List.of());
        }
        if (run.error() != null) {
            return result(c, Verdict.ERROR, "The grader could not run the program: " + run.error(), List.of(run.error()));
        }
        if (run.limit() != null) {
            return result(c, Verdict.ERROR, "Not graded: the run was stopped at a limit (" + run.limit()
                    + "). The instructor decides whether the limit or the program is at fault.", List.of(run.limit()));
        }
        String network = networkNeeded(run);
        if (network != null) {
            return result(c, Verdict.ERROR, "Not graded: the program needs the network (" + network + "), which graded "
                    + "runs do not have; the instructor decides what the answer is worth.",
                    List.of("environment: the program stopped where it reached for the network: " + network));
        }
        String module = missingModule(run.stderr());
        if (module != null) {
            String msg = "environment: the module '" + module + "' is not installed for the grader's Python; "
                    + "install it (pip install " + module + ") and grade again";
            return result(c, Verdict.ERROR, "Not graded: " + msg.substring("environment: ".length()) + ".",
                    List.of(msg));
        }
        return type.judge(ctx);
    }

    /** Third-party modules students import that a grading machine may lack: their absence is not the student's fault. */
    private static final Set<String> THIRD_PARTY = Set.of("numpy", "pandas", "scipy", "matplotlib", "requests",
            "psutil", "sklearn", "tqdm", "joblib", "seaborn", "PIL", "cv2", "dask", "ray", "torch", "tensorflow",
            "sympy", "numba", "bs4", "lxml", "yaml");
    private static final Pattern MISSING_MODULE = Pattern.compile("ModuleNotFoundError: No module named '([\\w.]+)'");

    private static final Pattern NO_NETWORK = Pattern.compile(
            "gaierror|NameResolutionError|Temporary failure in name resolution|Name or service not known"
                    + "|Network is unreachable|No address associated with hostname|urlopen error");
    private static final Pattern HOST = Pattern.compile("host='([^']+)'|https?://([^/\\s'\">]+)|resolve '([^']+)'");

    /**
     * Return what a run that ended on a failed network lookup or connection reached for (a host, or the error), or
     * null: runs have no network, so that failure is not the student's.
     */
    static String networkNeeded(RunResult run) {
        if (run.exitCode() == 0 || run.timedOut() || run.stderr() == null) {
            return null;
        }
        // the exception that ended the program: the first line not indented after the last traceback
        int at = run.stderr().lastIndexOf("Traceback (most recent call last)");
        String last = null;
        if (at >= 0) {
            String[] lines = run.stderr().substring(at).split("\n");
            for (int i = 1; i < lines.length && last == null; i++) {
                if (!lines[i].isBlank() && !Character.isWhitespace(lines[i].charAt(0))) {
                    last = lines[i];
                }
            }
        }
        if (last == null || !NO_NETWORK.matcher(last).find()) {
            return null;
        }
        Matcher h = HOST.matcher(last);
        if (h.find()) {
            return h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
        }
        return last.length() > 120 ? last.substring(0, 117) + "..." : last;
    }

    /** Return the third-party module whose absence ended the run, or null. */
    static String missingModule(String stderr) {
        Matcher m = MISSING_MODULE.matcher(stderr == null ? "" : stderr);
        while (m.find()) {
            String top = m.group(1).split("\\.")[0];
            if (THIRD_PARTY.contains(top)) {
                return top;
            }
        }
        return null;
    }

    /** Turn a run into what reports show, with the error at the student's line. */
    RunSummary summarise(Program program, RunResult run) {
        List<RunSummary.UnitOutput> units = new ArrayList<>();
        Trace t = run.trace() == null ? Trace.empty() : run.trace();
        for (Unit u : t.units()) {
            units.add(new RunSummary.UnitOutput(Evidence.unitLabel(u), u.kind(), u.stdout(), u.error()));
        }
        String error = run.exitCode() != 0 && !run.timedOut() ? program.isJava() ? javaException(program, run.stderr())
                : lastException(program, run.stderr()) : null;
        return new RunSummary(run.exitCode(), run.timedOut(), run.wallMillis(), run.stdout(), run.stderr(), error, units,
                run.limit(), program.isJava() ? javaHangs(program, run) : hangs(program, run, t), t.timeline());
    }

    private static final Pattern JAVA_UNCAUGHT = Pattern.compile("^Exception in thread \"main\" (.*)$");
    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at (\\S+)\\(([^:()]+\\.java):(\\d+)\\)");

    /** Find the exception that ended a Java program's main, at the student's line. */
    static String javaException(Program program, String stderr) {
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
    static List<RunSummary.Hang> javaHangs(Program program, RunResult run) {
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

    /** Say where each process was blocked at the time limit, at the student's lines. */
    static List<RunSummary.Hang> hangs(Program program, RunResult run, Trace t) {
        List<RunSummary.Hang> out = new ArrayList<>();
        String[] src = program.source().split("\n", -1);
        for (StackDump d : run.stacks()) {
            if (d.frames().isEmpty()) {
                continue;
            }
            ProcessRecord rec = t.processes().stream().filter(p -> p.pid() == d.pid()).findFirst().orElse(null);
            boolean student = d.frames().stream().anyMatch(f -> f.file().endsWith("/main.py"));
            String who;
            if (rec != null) {
                who = rec.poolWorker() ? "pool worker " + rec.name() : rec.name() + " " + shortTarget(rec.target()) + "()";
            } else if (d.frames().get(d.frames().size() - 1).function().equals("<module>") && student) {
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

    /** Find the exception that ended the main program and the student's line it happened at. */
    /**
     * Say what goes wrong when the program runs under spawn though it ran under the platform's start method, or
     * return {@code null} when spawn changes nothing that matters.
     */
    public static String spawnBreakage(Program program, RunResult usual, RunResult spawn) {
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

    /** Return what kept a JVM alive after main, or null. */
    private static Trace.KeptAlive keptAlive(RunResult run) {
        return run == null || run.trace() == null || run.error() != null || run.limit() != null ? null
                : run.trace().keptAlive();
    }

    private static List<Finding> keptAliveFindings(Program program, Trace t, Trace.KeptAlive alive) {
        List<Finding> out = new ArrayList<>();
        for (PoolRecord p : t.pools()) {
            if (alive.pools().contains(p.id())) {
                out.add(new Finding(Catalogue.EXECUTOR_KEEPS_JVM_ALIVE.id(), Severity.ERROR, program.origin(p.line()),
                        "The program never exits: the executor made here was never shut down, and once main returned "
                                + "its idle worker threads kept the JVM alive. Call shutdown() when all tasks are "
                                + "submitted, then awaitTermination(...)."));
            }
        }
        if (out.isEmpty()) {
            out.add(new Finding(Catalogue.EXECUTOR_KEEPS_JVM_ALIVE.id(), Severity.ERROR, Program.Origin.NONE,
                    "The program never exits: idle executor workers (" + String.join(", ", alive.threads())
                            + ") kept the JVM alive after main returned. Shut every executor down."));
        }
        return out;
    }

    private static CheckResult result(Check c, Verdict v, String feedback, List<String> evidence) {
        double points = v == Verdict.PASS ? c.points() : 0;
        return new CheckResult(c.id(), c.type(), v, points, c.points(), feedback, evidence);
    }

    private static String failText(Check c, String fallback) {
        return c.failFeedback().isBlank() ? fallback : c.failFeedback();
    }

    /**
     * Gather the prose of an answer: its markdown, and the comments and bare strings of its code,
     * without lines that only repeat the question.
     */
    static String proseOf(Question q, Answer a) {
        Set<String> questionWords = new HashSet<>(words(q.text()));
        StringBuilder sb = new StringBuilder();
        for (Cell c : a.cells()) {
            if (c.kind() == CellKind.MARKDOWN_CODE) {
                continue; // the same text is in its markdown cell
            }
            String text = c.kind() != CellKind.CODE || ProgramBuilder.looksLikeProse(c.source()) ? c.source()
                    : commentsAndStrings(c.source());
            for (String line : text.split("\\R")) {
                List<String> w = words(line);
                if (w.isEmpty()) {
                    continue;
                }
                long fromQuestion = w.stream().filter(questionWords::contains).count();
                if (!questionWords.isEmpty() && fromQuestion >= 0.7 * w.size() && w.size() >= 3) {
                    continue;
                }
                sb.append(line.strip()).append('\n');
            }
        }
        return sb.toString().strip();
    }

    private static final Pattern PRINTED_PROSE = Pattern.compile(
            "(?:print\\s*\\(\\s*)?[rRuUfF]?(?:\"(?!\"\")([^\"]*)\"?|'(?!'')([^']*)'?)");

    private static String commentsAndStrings(String code) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        String quote = null;
        for (String line : code.split("\\R")) {
            String s = line.strip();
            if (inString) {
                int end = s.indexOf(quote);
                sb.append(end >= 0 ? s.substring(0, end) : s).append('\n');
                if (end >= 0) {
                    inString = false;
                }
            } else if (s.startsWith("#")) {
                sb.append(s.replaceFirst("^#+", "")).append('\n');
            } else if (PRINTED_PROSE.matcher(s).lookingAt()) {
                // an answer printed by the code, or one line of a string spread over several
                Matcher m = PRINTED_PROSE.matcher(s);
                m.lookingAt();
                sb.append((m.group(1) != null ? m.group(1) : m.group(2)).replace("\\n", " ")).append('\n');
            } else if (s.startsWith("\"\"\"") || s.startsWith("'''")) {
                quote = s.substring(0, 3);
                String rest = s.substring(3);
                int end = rest.indexOf(quote);
                sb.append(end >= 0 ? rest.substring(0, end) : rest).append('\n');
                inString = end < 0;
            }
        }
        return sb.toString();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static CodeListing listingOf(Program p) {
        List<CodeListing.Line> lines = new ArrayList<>();
        String[] src = p.source().split("\n", -1);
        for (int i = p.answerStart() - 1; i < src.length; i++) {
            // a Java answer's copy of a file blanks the other questions' lines: they are not its code
            if (i >= 0 && !(p.isJava() && p.fileLine(i + 1) == 0)) {
                String file = p.origin(i + 1).file();
                lines.add(new CodeListing.Line(p.fileLine(i + 1), src[i], file.equals(p.file()) ? "" : file));
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).text().isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return new CodeListing(p.file(), lines);
    }

    private static CodeListing listing(Answer a, boolean codeQuestion) {
        List<CodeListing.Line> lines = new ArrayList<>();
        String file = null;
        // a code answer whose code is only in markdown shows that code: the note above it says why it did not run
        for (Cell c : a.codeCells().isEmpty() && codeQuestion ? a.markdownCode() : a.codeCells()) {
            file = file == null ? c.file() : file;
            String[] src = c.source().split("\n", -1);
            for (int i = 0; i < src.length; i++) {
                lines.add(new CodeListing.Line(c.fileLine(i + 1), src[i], c.file()));
            }
        }
        return lines.isEmpty() ? null : new CodeListing(file, lines);
    }
}

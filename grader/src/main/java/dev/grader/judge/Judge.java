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
import dev.grader.rubric.Question;
import dev.grader.run.RunResult;
import dev.grader.run.StackDump;
import dev.grader.run.Trace;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
            checks.add(c.type().equals("no_findings") && program != null && program.syntaxError() == null
                    ? noFindings(c, findings) : c.type().equals("junit") ? junit(c, program, tests)
                    : decide(question, c, prose, program, run, summary));
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

    private CheckResult decide(Question q, Check c, String prose, Program program, RunResult run, RunSummary summary) {
        if (c.type().equals("answered")) {
            return answered(c, prose);
        }
        if (program == null) {
            return result(c, Verdict.FAIL, failText(c, "No code was found in the answer to " + q.id() + "."), List.of());
        }
        if (program.syntaxError() != null) {
            Program.SyntaxProblem e = program.syntaxError();
            String where = e.line() > 0 ? " at " + e.origin().describe() : "";
            String kind = program.isJava() ? "compile error" : "SyntaxError";
            if (c.type().equals("runs")) {
                return result(c, Verdict.FAIL, "The code does not compile: " + kind + where + ": " + e.message(),
                        List.of(kind + where + ": " + e.message()));
            }
            return result(c, Verdict.SKIPPED, "Not checked: the code does not compile.", List.of());
        }
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
        Trace t = run.trace() == null ? Trace.empty() : run.trace();
        switch (c.type()) {
            case "runs":
                return runs(c, program, run, summary);
            case "process_started", "thread_started":
                return processStarted(c, program, t);
            case "process_joined", "thread_joined":
                return processJoined(c, program, t);
            case "pool_created", "executor_created":
                return poolCreated(c, program, t);
            case "pool_used", "executor_used":
                return poolUsed(c, program, t);
            case "pool_closed", "executor_shutdown":
                return poolClosed(c, program, t);
            case "processes_started", "threads_started":
                return processesStarted(c, program, t);
            case "children_print", "workers_print":
                return childrenPrint(c, t);
            case "distinct_outputs":
                return distinctOutputs(c, t);
            case "output_matches":
                return outputMatches(c, run);
            default:
                return result(c, Verdict.ERROR, "Unknown check type '" + c.type() + "'.", List.of());
        }
    }

    private CheckResult noFindings(Check c, List<Finding> findings) {
        Severity least = Severity.valueOf(c.stringParam("severity", "warning").toUpperCase(Locale.ROOT));
        List<?> rules = c.params().get("rules") instanceof List<?> l ? l : List.of();
        List<String> evidence = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(least) && (rules.isEmpty() || rules.contains(f.rule()))) {
                evidence.add(f.rule() + " at " + f.location() + ": " + f.message());
            }
        }
        return evidence.isEmpty()
                ? result(c, Verdict.PASS, passText(c, "No misuse found in the code."), List.of())
                : result(c, Verdict.FAIL, failText(c, "The code has " + evidence.size() + " misuse finding"
                        + (evidence.size() == 1 ? "" : "s") + "; see below."), evidence);
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

    private CheckResult answered(Check c, String prose) {
        int min = c.intParam("min_words", 15);
        int words = countWords(prose);
        String evidence = words + " word" + (words == 1 ? "" : "s") + " of prose (at least " + min + " needed)";
        return words >= min
                ? result(c, Verdict.PASS, passText(c, "Answered."), List.of(evidence))
                : result(c, Verdict.FAIL, failText(c, "The answer is too short or missing."), List.of(evidence));
    }

    private CheckResult runs(Check c, Program program, RunResult run, RunSummary summary) {
        if (run.succeeded() && keptAlive(run) == null) {
            return result(c, Verdict.PASS, passText(c, "The program ran to completion."),
                    List.of("exit code 0 after " + run.wallMillis() + " ms"));
        }
        List<String> evidence = new ArrayList<>();
        String why;
        Trace.KeptAlive alive = keptAlive(run);
        if (alive != null) {
            why = "The program never exits: main returned, but the worker threads of an ExecutorService that was "
                    + "never shut down keep the JVM alive. Call shutdown() (then awaitTermination) when all tasks "
                    + "are submitted.";
            evidence.add(keptAliveText(program, run.trace(), alive));
        } else if (run.timedOut() && program.isJava()) {
            why = "The program did not finish within the time limit and was stopped; a thread may be waiting "
                    + "forever (a join() on a blocked thread, a lock, latch or barrier never released, an executor "
                    + "never shut down).";
            evidence.add("stopped after " + run.wallMillis() + " ms (time limit)");
        } else if (run.timedOut()) {
            why = "The program did not finish within the time limit and was stopped; a process may be waiting "
                    + "forever (a join() on a blocked child, a Pipe never closed, a pool never closed).";
            evidence.add("stopped after " + run.wallMillis() + " ms (time limit)");
        } else if (run.outputLimitHit()) {
            why = "The program printed more than the output limit and was stopped.";
            evidence.add("output limit reached");
        } else {
            why = summary.error() != null ? "The program failed: " + summary.error()
                    : "The program exited with code " + run.exitCode() + ".";
            evidence.add("exit code " + run.exitCode());
            if (summary.error() != null) {
                evidence.add(summary.error());
            }
        }
        String base = c.failFeedback().isBlank() ? why : c.failFeedback() + " " + why;
        return result(c, Verdict.FAIL, base, evidence);
    }

    private CheckResult processStarted(Check c, Program program, Trace t) {
        List<ProcessRecord> mine = studentStarted(t);
        if (mine.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            for (int line : t.runCalls()) {
                evidence.add("run() called at " + at(program, line) + " instead of start(): the work ran in the "
                        + "calling thread, no new thread was started");
            }
            for (ProcessRecord p : t.processes()) {
                if (!p.poolWorker()) {
                    evidence.add(p.name() + " created at " + at(program, p.createdLine()) + " but never started");
                }
            }
            if (evidence.isEmpty() && program.isJava()) {
                evidence.add(t.pools().isEmpty() ? "no Thread or child process was started"
                        : "only executor workers ran: no Thread was started by the answer");
            } else if (evidence.isEmpty()) {
                evidence.add(t.pools().isEmpty() ? "no multiprocessing.Process was created"
                        : "only pool workers ran: no Process was created by the answer");
            }
            return result(c, Verdict.FAIL, failText(c, "No process was started."), evidence);
        }
        List<String> evidence = new ArrayList<>();
        for (ProcessRecord p : mine) {
            evidence.add(p.name() + describeTarget(p) + " started at " + at(program, p.startLine()));
        }
        return result(c, Verdict.PASS, passText(c, "A process was started."), evidence);
    }

    private CheckResult processJoined(Check c, Program program, Trace t) {
        List<ProcessRecord> mine = studentStarted(t);
        if (mine.isEmpty()) {
            return result(c, Verdict.FAIL, failText(c, "No process was started, so none was joined."),
                    List.of("no process started by the answer"));
        }
        List<String> evidence = new ArrayList<>();
        boolean all = true;
        for (ProcessRecord p : mine) {
            if (p.joined()) {
                evidence.add(p.name() + " joined at " + at(program, p.joinLine()));
            } else {
                all = false;
                evidence.add(p.name() + " started at " + at(program, p.startLine()) + " was never joined");
            }
        }
        return all ? result(c, Verdict.PASS, passText(c, "Every process was joined."), evidence)
                : result(c, Verdict.FAIL, failText(c, "A process was started but never joined."), evidence);
    }

    private CheckResult poolCreated(Check c, Program program, Trace t) {
        if (t.pools().isEmpty()) {
            return result(c, Verdict.FAIL, failText(c, "No pool was created."), List.of("no Pool or ProcessPoolExecutor created"));
        }
        List<String> evidence = new ArrayList<>();
        for (PoolRecord p : t.pools()) {
            evidence.add(p.kind() + "(" + p.size() + ") created at " + at(program, p.line()));
        }
        return result(c, Verdict.PASS, passText(c, "A pool was created."), evidence);
    }

    private CheckResult poolUsed(Check c, Program program, Trace t) {
        // the same call made in a loop is one line of evidence, with how often it was made
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (PoolRecord p : t.pools()) {
            for (Trace.PoolCall call : p.calls()) {
                calls.merge(call.method() + "(" + shortName(call.function()) + ") at " + at(program, call.line()), 1,
                        Integer::sum);
            }
        }
        List<String> evidence = new ArrayList<>();
        calls.forEach((text, n) -> evidence.add(n == 1 ? text : text + " (" + n + " times)"));
        if (evidence.isEmpty()) {
            return result(c, Verdict.FAIL, failText(c, "No work was given to a pool."),
                    List.of(t.pools().isEmpty() ? "no pool was created" : "the pool was created but no work was submitted to it"));
        }
        return result(c, Verdict.PASS, passText(c, "Work was given to the pool."), evidence);
    }

    private CheckResult poolClosed(Check c, Program program, Trace t) {
        if (t.pools().isEmpty()) {
            return result(c, Verdict.FAIL, failText(c, "No pool was created."), List.of("no pool was created"));
        }
        List<String> evidence = new ArrayList<>();
        boolean all = true;
        for (PoolRecord p : t.pools()) {
            String name = p.kind() + " created at " + at(program, p.line());
            if (p.exitLine() != 0) {
                evidence.add(name + " released by its with block ending at " + at(program, p.exitLine()));
            } else if (p.closeLine() != 0) {
                evidence.add(name + " closed at " + at(program, p.closeLine())
                        + (p.joinLine() != 0 ? ", joined at " + at(program, p.joinLine()) : ", never joined"));
            } else if (p.terminateLine() != 0) {
                evidence.add(name + " terminated at " + at(program, p.terminateLine()));
            } else if (p.shutdownLine() != 0) {
                evidence.add(name + " shut down at " + at(program, p.shutdownLine()));
            } else {
                all = false;
                evidence.add(name + " was never closed");
            }
        }
        return all ? result(c, Verdict.PASS, passText(c, "The pool was closed."), evidence)
                : result(c, Verdict.FAIL, failText(c, "A pool was never closed."), evidence);
    }

    /**
     * Count the processes the answer started, as a reader counts them: its own processes when it started any (a
     * pool beside them is another demonstration), else its pools' workers. Processes started by different cells
     * count together only when they ran at the same time: cells that each start and finish a few processes are
     * separate demonstrations, each judged alone.
     */
    private CheckResult processesStarted(Check c, Program program, Trace t) {
        int min = c.intParam("min", 4);
        boolean java = program.isJava();
        List<ProcessRecord> mine = studentStarted(t);
        int workers = (int) t.processes().stream().filter(p -> p.poolWorker() && p.started()).count();
        String unit = java ? "thread" : "process";
        String units = java ? "threads" : "processes";
        String pool = java ? "executor worker" : "pool worker";
        String evidence;
        int counted;
        if (mine.isEmpty()) {
            counted = workers;
            evidence = workers + " " + pool + (workers == 1 ? "" : "s") + " started, no " + unit + " of the answer's own";
        } else {
            List<List<ProcessRecord>> attempts = attempts(program, t, mine);
            List<ProcessRecord> best = attempts.get(0);
            counted = best.size();
            evidence = mine.size() + " " + (mine.size() == 1 ? unit : units) + " started by the answer";
            if (attempts.size() > 1) {
                evidence += ", at most " + counted + " together (" + cellsOf(program, best) + "): its "
                        + attempts.size() + " cells each start and finish theirs before the next";
            }
            if (workers > 0) {
                evidence += "; the " + workers + " " + pool + (workers == 1 ? "" : "s") + " of its pool"
                        + " do not count beside them";
            }
        }
        evidence += "; at least " + min + " needed";
        return counted >= min ? result(c, Verdict.PASS, passText(c, "Enough processes were started."), List.of(evidence))
                : result(c, Verdict.FAIL, failText(c, "Too few processes were started."), List.of(evidence));
    }

    /**
     * Group the answer's processes by the cell that started them, joining groups whose processes ran at the same
     * time; the largest group first.
     */
    private static List<List<ProcessRecord>> attempts(Program program, Trace t, List<ProcessRecord> mine) {
        Map<String, List<ProcessRecord>> byCell = new LinkedHashMap<>();
        for (ProcessRecord p : mine) {
            byCell.computeIfAbsent(program.origin(p.startLine()).file(), k -> new ArrayList<>()).add(p);
        }
        List<List<ProcessRecord>> groups = new ArrayList<>(byCell.values());
        Map<String, long[]> alive = new LinkedHashMap<>();
        for (Trace.Span s : t.timeline()) {
            if (s.kind().equals("alive")) {
                alive.put(s.lane(), new long[] {s.fromMs(), s.toMs()});
            }
        }
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            for (int i = 0; i < groups.size() && !merged; i++) {
                for (int j = i + 1; j < groups.size() && !merged; j++) {
                    if (overlap(groups.get(i), groups.get(j), alive)) {
                        groups.get(i).addAll(groups.remove(j));
                        merged = true;
                    }
                }
            }
        }
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return groups;
    }

    /** Tell whether two groups of processes ran at the same time; unknown times count as the same time. */
    private static boolean overlap(List<ProcessRecord> a, List<ProcessRecord> b, Map<String, long[]> alive) {
        for (ProcessRecord p : a) {
            for (ProcessRecord q : b) {
                long[] x = alive.get(p.name());
                long[] y = alive.get(q.name());
                if (x == null || y == null || (x[0] <= y[1] && y[0] <= x[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String cellsOf(Program program, List<ProcessRecord> group) {
        Set<String> cells = new LinkedHashSet<>();
        for (ProcessRecord p : group) {
            String where = program.origin(p.startLine()).describe();
            int comma = where.indexOf(", line ");
            cells.add(comma > 0 ? where.substring(0, comma) : "started at " + where);
        }
        return String.join(", ", cells);
    }

    /**
     * Return what a unit of work printed: its standard output, and its standard error but for tracebacks and
     * warnings (a child that logs with the logging module writes there).
     */
    static String printed(Unit u) {
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

    private static final Pattern WARNING_LINE = Pattern.compile("^(\\S+:\\d+: )?\\w*Warning: |^\\s+warnings\\.warn\\(");

    private CheckResult childrenPrint(Check c, Trace t) {
        List<String> evidence = new ArrayList<>();
        for (Unit u : t.units()) {
            String out = printed(u);
            if (!out.isBlank()) {
                evidence.add(unitLabel(u) + " printed " + quote(out));
            }
        }
        if (evidence.isEmpty()) {
            String why = t.units().isEmpty() ? "no work ran in a child process"
                    : t.units().size() + " unit" + (t.units().size() == 1 ? "" : "s")
                            + " of work ran in child processes and none printed";
            return result(c, Verdict.FAIL, failText(c, "The child processes printed nothing."), List.of(why));
        }
        return result(c, Verdict.PASS, passText(c, "The child processes print."), evidence);
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");

    private CheckResult distinctOutputs(Check c, Trace t) {
        int count = c.intParam("count", 4);
        if (c.boolParam("numbers", false)) {
            return distinctNumbers(c, t, count);
        }
        Set<String> distinct = new LinkedHashSet<>();
        int printing = 0;
        List<String> evidence = new ArrayList<>();
        for (Unit u : t.units()) {
            String out = printed(u).strip();
            if (!out.isEmpty()) {
                printing++;
                if (distinct.add(out)) {
                    evidence.add(unitLabel(u) + " printed " + quote(out));
                }
            }
        }
        evidence.add(0, printing + " unit" + (printing == 1 ? "" : "s") + " printed, " + distinct.size()
                + " different output" + (distinct.size() == 1 ? "" : "s") + " (" + count + " needed)");
        return distinct.size() >= count
                ? result(c, Verdict.PASS, passText(c, "Each unit printed something different."), evidence)
                : result(c, Verdict.FAIL, failText(c, "Not enough units printed different outputs."), evidence);
    }

    /**
     * Decide {@code distinct_outputs} with {@code numbers: true}: enough units printed a number, and each of them
     * can be told apart by one of its numbers ({@code Process 3: 3} and a pid beside the number pass; four units
     * that all print 1, and words without a number, fail). Each unit is given one of its numbers, no number to two
     * units, as many units as can be.
     */
    private CheckResult distinctNumbers(Check c, Trace t, int count) {
        List<Unit> units = new ArrayList<>();
        List<List<String>> numbers = new ArrayList<>();
        int printing = 0;
        for (Unit u : t.units()) {
            String out = printed(u);
            if (out.isBlank()) {
                continue;
            }
            printing++;
            // last printed first: the number a line prints usually ends it ("12:00:01 - Process 3 - printing 3"),
            // and the evidence shows the number each unit was given
            List<String> all = new ArrayList<>();
            Matcher m = NUMBER.matcher(out);
            while (m.find()) {
                all.add(normalNumber(m.group()));
            }
            List<String> found = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!found.contains(all.get(i))) {
                    found.add(all.get(i));
                }
            }
            if (!found.isEmpty()) {
                units.add(u);
                numbers.add(found);
            }
        }
        String[] given = matchNumbers(numbers);
        List<String> evidence = new ArrayList<>();
        int told = 0;
        for (int i = 0; i < units.size(); i++) {
            if (given[i] != null) {
                told++;
                evidence.add(unitLabel(units.get(i)) + " printed " + given[i] + ": " + quote(printed(units.get(i))));
            }
        }
        evidence.add(0, printing + " unit" + (printing == 1 ? "" : "s") + " printed, " + units.size()
                + " of them a number, " + told + " a number of " + (told == 1 ? "its" : "their") + " own ("
                + count + " needed)");
        return told >= count
                ? result(c, Verdict.PASS, passText(c, "Each unit printed a different number."), evidence)
                : result(c, Verdict.FAIL, failText(c, "Not enough units printed different numbers."), evidence);
    }

    /** Write a number one way: {@code 07}, {@code 7.0} and {@code 7} are the same number. */
    private static String normalNumber(String n) {
        boolean negative = n.startsWith("-");
        String s = negative ? n.substring(1) : n;
        s = s.replaceFirst("^0+(?=\\d)", "");
        if (s.contains(".")) {
            s = s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return negative && !s.equals("0") ? "-" + s : s;
    }

    /**
     * Give each unit one of its numbers, no number to two units, as many units as can be (a matching grown by
     * augmenting paths); a unit left without one is {@code null}.
     */
    static String[] matchNumbers(List<List<String>> numbers) {
        Map<String, Integer> owner = new LinkedHashMap<>();
        String[] given = new String[numbers.size()];
        for (int u = 0; u < numbers.size(); u++) {
            augment(u, numbers, owner, given, new HashSet<>());
        }
        return given;
    }

    private static boolean augment(int u, List<List<String>> numbers, Map<String, Integer> owner, String[] given,
            Set<String> seen) {
        for (String n : numbers.get(u)) {
            if (!seen.add(n)) {
                continue;
            }
            Integer other = owner.get(n);
            if (other == null || augment(other, numbers, owner, given, seen)) {
                owner.put(n, u);
                given[u] = n;
                return true;
            }
        }
        return false;
    }

    private CheckResult outputMatches(Check c, RunResult run) {
        String regex = c.stringParam("regex", "");
        try {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(run.stdout());
            return m.find() ? result(c, Verdict.PASS, passText(c, "The output matches."), List.of("found " + quote(m.group())))
                    : result(c, Verdict.FAIL, failText(c, "The output does not match."), List.of("no match for /" + regex + "/"));
        } catch (PatternSyntaxException e) {
            return result(c, Verdict.ERROR, "The rubric's regex is invalid: " + e.getDescription(), List.of());
        }
    }

    private static List<ProcessRecord> studentStarted(Trace t) {
        return t.processes().stream().filter(p -> !p.poolWorker() && p.started() && p.startLine() != 0).toList();
    }

    /** Turn a run into what reports show, with the error at the student's line. */
    RunSummary summarise(Program program, RunResult run) {
        List<RunSummary.UnitOutput> units = new ArrayList<>();
        Trace t = run.trace() == null ? Trace.empty() : run.trace();
        for (Unit u : t.units()) {
            units.add(new RunSummary.UnitOutput(unitLabel(u), u.kind(), u.stdout(), u.error()));
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

    private static String unitLabel(Unit u) {
        if (u.kind().equals("thread")) {
            return "thread " + u.argument() + (u.function().isBlank() ? "" : " (" + shortName(u.function()) + ")");
        }
        String arg = u.argument() == null ? "" : u.argument();
        String call = arg.isEmpty() && u.function().contains(" ") ? u.function()
                : shortName(u.function()) + "(" + arg + ")";
        return u.kind().equals("process") ? "process " + call : "pool task " + call;
    }

    /** Return what kept a JVM alive after main, or null. */
    private static Trace.KeptAlive keptAlive(RunResult run) {
        return run == null || run.trace() == null || run.error() != null || run.limit() != null ? null
                : run.trace().keptAlive();
    }

    private static String keptAliveText(Program program, Trace t, Trace.KeptAlive alive) {
        List<String> pools = new ArrayList<>();
        for (PoolRecord p : t.pools()) {
            if (alive.pools().contains(p.id())) {
                pools.add(p.kind() + " created at " + at(program, p.line()));
            }
        }
        return "main returned; still alive: " + String.join(", ", alive.threads())
                + (pools.isEmpty() ? "" : " (workers of " + String.join(", ", pools) + ", never shut down)");
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

    /** Judge one instructor test: pass when it passed in the sandboxed JVM, its failure message as feedback. */
    private CheckResult junit(Check c, Program program, RunResult tests) {
        String name = c.stringParam("test", "");
        if (program == null) {
            return result(c, Verdict.FAIL, failText(c, "No code was found in the answer."), List.of());
        }
        if (program.syntaxError() != null) {
            return result(c, Verdict.SKIPPED, "Not tested: the code does not compile.", List.of());
        }
        if (program.jvm() != null && program.jvm().testProblem() != null) {
            return result(c, Verdict.FAIL, failText(c, "The test could not run: " + program.jvm().testProblem() + "."),
                    List.of(program.jvm().testProblem()));
        }
        if (tests == null) {
            return result(c, Verdict.SKIPPED, "Not tested: the tests were not run.", List.of());
        }
        if (tests.error() != null) {
            return result(c, Verdict.ERROR, "The grader could not run the tests: " + tests.error(), List.of(tests.error()));
        }
        if (tests.limit() != null) {
            return result(c, Verdict.ERROR, "Not tested: the tests were stopped at a limit (" + tests.limit() + ").",
                    List.of(tests.limit()));
        }
        Trace t = tests.trace() == null ? Trace.empty() : tests.trace();
        String cls = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        for (Trace.TestOutcome o : t.tests()) {
            boolean same = o.name().equals(name) || o.name().endsWith("." + name);
            if (same && o.status().equals("passed")) {
                return result(c, Verdict.PASS, passText(c, "The test " + o.display() + " passed."),
                        List.of(name + " passed"));
            }
            if (same) {
                String msg = o.message() == null ? o.status() : o.message();
                return result(c, Verdict.FAIL, (c.failFeedback().isBlank() ? "" : c.failFeedback() + " ") + "The test "
                        + o.display() + " " + o.status() + ": " + msg, List.of(name + " " + o.status() + ": " + msg));
            }
        }
        for (Trace.TestOutcome o : t.tests()) {
            if (o.name().equals(cls) || o.name().endsWith("." + cls)) {
                String msg = o.message() == null ? o.status() : o.message();
                return result(c, Verdict.FAIL, failText(c, "The test class " + cls + " failed before its tests ran: "
                        + msg), List.of(cls + " " + o.status() + ": " + msg));
            }
        }
        String why = tests.timedOut() ? "the tests did not finish within the time limit" : "the test did not run";
        return result(c, Verdict.FAIL, failText(c, "The test " + name + " did not run: " + why + "."), List.of(why));
    }

    private static String describeTarget(ProcessRecord p) {
        return p.target() == null || p.target().isBlank() ? "" : " (target " + shortName(p.target()) + ")";
    }

    private static String shortName(String qualified) {
        if (qualified == null) {
            return "?";
        }
        return qualified.startsWith("__main__.") || qualified.startsWith("__mp_main__.")
                ? qualified.substring(qualified.indexOf('.') + 1) : qualified;
    }

    private static String at(Program program, int programLine) {
        return program.location(programLine);
    }

    private static String quote(String s) {
        String one = s.strip().replace("\n", " ⏎ ");
        return "\"" + (one.length() > 120 ? one.substring(0, 117) + "..." : one) + "\"";
    }

    private static CheckResult result(Check c, Verdict v, String feedback, List<String> evidence) {
        double points = v == Verdict.PASS ? c.points() : 0;
        return new CheckResult(c.id(), c.type(), v, points, c.points(), feedback, evidence);
    }

    private static String passText(Check c, String fallback) {
        return c.passFeedback().isBlank() ? fallback : c.passFeedback();
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

    static int countWords(String text) {
        return words(text).size();
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

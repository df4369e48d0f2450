package dev.grader.judge;

import dev.grader.analyse.Finding;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import dev.grader.rubric.Check;
import dev.grader.rubric.CheckSpecs;
import dev.grader.rubric.Question;
import dev.grader.run.RunResult;
import dev.grader.run.Trace;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final RunReader reader;

    /**
     * Make a judge for the programs of one language.
     *
     * @param reader how runs of that language are read
     */
    public Judge(RunReader reader) {
        this.reader = reader;
    }

    /**
     * Judge one question. {@code program} and {@code run} are null when there is no code to run.
     *
     * @param findings the misuse the analysis found in the answer's code
     */
    public QuestionResult judge(Question question, Answer answer, Program program, RunResult run,
            List<Finding> findings) {
        return judge(question, answer, program, run, findings, Map.of());
    }

    /**
     * Judge one question, with the program's other runs (its instructor tests, for one).
     *
     * @param findings the misuse the analysis found in the answer's code
     * @param others the program's other runs by role ({@code tests} for the question's instructor tests)
     */
    public QuestionResult judge(Question question, Answer answer, Program program, RunResult run,
            List<Finding> findings, Map<String, RunResult> others) {
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
            status = reader.compileErrorStatus();
        } else if (run == null) {
            status = "not_run";
        } else if (run.error() != null) {
            status = run.error().startsWith("environment:") ? "environment" : "grader_error";
        } else if (run.limit() != null) {
            status = "limit";
        } else if (missingModule(run.stderr()) != null || networkNeeded(run) != null) {
            status = "environment";
        } else if (run.timedOut() || keptAlive(run)) {
            status = "timeout";
        } else if (run.exitCode() != 0) {
            status = "crashed";
        } else {
            status = "ran";
        }
        RunSummary summary = run == null ? null : summarise(program, run);
        if (program != null && run != null) {
            findings = new ArrayList<>(findings);
            findings.addAll(reader.findings(program, run));
        }
        List<CheckResult> checks = new ArrayList<>();
        for (Check c : question.checks()) {
            checks.add(decide(new CheckContext(question, c, prose, program, run, summary, findings,
                    others.get(RunReader.TESTS), reader)));
        }
        double points = checks.stream().mapToDouble(CheckResult::points).sum();
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
            String kind = reader.compileError();
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
        String error = run.exitCode() != 0 && !run.timedOut() ? reader.exception(program, run.stderr()) : null;
        if (error == null && run.exitCode() != 0 && !run.timedOut() && run.trace() != null) {
            // the run's stderr did not say it (cut, closed or lost): what the tracer saw the main process write
            error = reader.exception(program, run.trace().mainErrors());
        }
        return new RunSummary(run.exitCode(), run.timedOut(), run.wallMillis(), run.stdout(), run.stderr(), error, units,
                run.limit(), reader.hangs(program, run), t.timeline());
    }

    /** Return true when idle workers kept the program alive after its main had returned. */
    private static boolean keptAlive(RunResult run) {
        return run != null && run.trace() != null && run.error() == null && run.limit() == null
                && run.trace().keptAlive() != null;
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
            // lines that are not the student's (a Java answer's copy of a file blanks other questions') are not shown
            if (i >= 0 && p.fileLine(i + 1) > 0) {
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

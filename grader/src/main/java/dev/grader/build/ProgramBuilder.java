package dev.grader.build;

import dev.grader.build.Program.Origin;
import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import dev.grader.ingest.Submission;
import dev.grader.segment.Answer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Make a runnable program from a code answer: a prelude of earlier definitions plus the answer's code.
 *
 * <p>Notebook answers lean on earlier cells (a Q6 cell that uses what the Q3 cell imported), so the
 * imports, function and class definitions and plain assignments of every earlier code cell run first.
 * Calls and {@code __main__} blocks of earlier cells are left out: they would run other answers.
 */
public final class ProgramBuilder {

    private static final Set<String> PRELUDE_KINDS = Set.of("Import", "ImportFrom", "FunctionDef",
            "AsyncFunctionDef", "ClassDef");
    private static final Set<String> ASSIGN_KINDS = Set.of("Assign", "AnnAssign");
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(import\\s|from\\s+\\S+\\s+import|def\\s|class\\s|if\\s|elif\\s|else\\s*:|for\\s|while\\s|with\\s|"
                    + "try\\s*:|except|finally|return\\b|print\\s*\\(|#|@|[\\w.\\[\\]]+\\s*[-+*/]?=|[\\w.]+\\s*\\(|pass\\b|\\)|\\]).*");

    private final PythonSource python;

    /**
     * Make a builder.
     *
     * @param python the parser to ask
     */
    public ProgramBuilder(PythonSource python) {
        this.python = python;
    }

    /**
     * Build the program of one answer.
     *
     * @param submission the whole submission, for the prelude
     * @param answer the answer to run
     * @param stdin what the program reads
     * @return the program, or {@code null} when the answer holds no code
     */
    public Built build(Submission submission, Answer answer, String stdin) {
        List<Note> notes = proseNotes(answer);
        List<Cell> code = answer.codeCells();
        if (code.isEmpty() && !answer.markdownCode().isEmpty()) {
            Cell first = answer.markdownCode().get(0);
            boolean raw = answer.cells().stream().anyMatch(c -> c.kind() == CellKind.RAW && c.file().equals(first.file()));
            notes.add(new Note(first.file(), first.firstLine(), "your code is in a " + (raw ? "raw" : "markdown")
                    + " cell, so it never ran; put it in a code cell"));
        }
        if (code.isEmpty()) {
            return new Built(null, notes);
        }
        Cell first = code.get(0);
        List<String> lines = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        prelude(submission, first, answer, lines, origins);
        int answerStart = lines.size() + 1;
        for (Cell c : code) {
            String[] src = c.source().split("\n", -1);
            for (int i = 0; i < src.length; i++) {
                lines.add(src[i]);
                origins.add(new Origin(c.file(), c.fileLine(i + 1)));
            }
        }
        String answerSource = String.join("\n", lines.subList(answerStart - 1, lines.size())) + "\n";
        Program.SyntaxProblem problem = null;
        PythonSource.SyntaxError e = python.check(answerSource);
        if (e != null) {
            int programLine = Math.min(answerStart - 1 + Math.max(e.line(), 1), origins.size());
            problem = new Program.SyntaxProblem(origins.get(programLine - 1), e.column(), e.message());
        }
        String source = String.join("\n", lines) + "\n";
        return new Built(new Program(answer.questionId(), source, origins, first.file(), answerStart, stdin, problem),
                notes);
    }

    private void prelude(Submission submission, Cell first, Answer answer, List<String> lines, List<Origin> origins) {
        Comparator<Cell> order = Comparator.comparingInt(Cell::index).thenComparingInt(Cell::firstLine);
        for (Cell c : submission.cells()) {
            if (c.kind() != CellKind.CODE || c.isBlank() || order.compare(c, first) >= 0
                    || answer.cells().contains(c)) {
                continue;
            }
            String src = c.source();
            if (python.check(src) != null) {
                continue;
            }
            String[] srcLines = src.split("\n", -1);
            for (PythonSource.Statement s : python.statements(src)) {
                if (s.mainGuard() || !(PRELUDE_KINDS.contains(s.kind()) || isPlainAssignment(s, srcLines)
                        || writesFile(s, srcLines))) {
                    continue;
                }
                // A cell split between questions (a .py file with # Q3 ... # Q5) lends only what precedes the answer.
                if (c.index() == first.index() && c.fileLine(Math.min(s.lastLine(), srcLines.length)) >= first.firstLine()) {
                    continue;
                }
                for (int i = s.firstLine(); i <= s.lastLine() && i <= srcLines.length; i++) {
                    lines.add(srcLines[i - 1]);
                    origins.add(new Origin(c.file(), c.fileLine(i)));
                }
            }
        }
    }

    /** Tell a cell's {@code %%writefile}: a later answer may import the module it wrote. */
    private static boolean writesFile(PythonSource.Statement s, String[] lines) {
        String first = s.firstLine() <= lines.length ? lines[s.firstLine() - 1].strip() : "";
        return s.kind().equals("Expr") && (first.startsWith("get_ipython().run_cell_magic('writefile',")
                || first.startsWith("get_ipython().run_cell_magic('file',"));
    }

    /**
     * Say which prose typed into the answer's code cells was left out of the run: the whole cell, or its lines
     * around the code.
     */
    private static List<Note> proseNotes(Answer answer) {
        Map<String, List<Cell>> prose = new LinkedHashMap<>();
        for (Cell c : answer.cells()) {
            if (c.kind() == CellKind.PROSE_IN_CODE) {
                prose.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c);
            }
        }
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> e : prose.entrySet()) {
            boolean withCode = answer.codeCells().stream().anyMatch(c -> c.file().equals(e.getKey()));
            Cell first = e.getValue().get(0);
            if (!withCode) {
                notes.add(new Note(e.getKey(), first.firstLine(), "this code cell holds prose, not code: it was not run"));
                continue;
            }
            List<String> ranges = new ArrayList<>();
            int lines = 0;
            for (Cell c : e.getValue()) {
                int from = c.firstLine();
                int to = c.lines().stream().filter(l -> l > 0).reduce((a, b) -> b).orElse(from);
                ranges.add(from == to ? Integer.toString(from) : from + "-" + to);
                lines += to - from + 1;
            }
            notes.add(new Note(e.getKey(), first.firstLine(), (lines == 1 ? "line " : "lines ") + String.join(", ", ranges)
                    + " of this code cell " + (lines == 1 ? "is" : "are") + " prose, not code: left out of the run"
                    + " (the rest of the cell ran)"));
        }
        return notes;
    }

    /** Keep assignments of plain values; a call could start processes of another answer. */
    private static boolean isPlainAssignment(PythonSource.Statement s, String[] lines) {
        if (!ASSIGN_KINDS.contains(s.kind())) {
            return false;
        }
        for (int i = s.firstLine(); i <= s.lastLine() && i <= lines.length; i++) {
            if (lines[i - 1].contains("(")) {
                return false;
            }
        }
        return true;
    }

    /** Tell prose typed into a code cell from code with a syntax error. */
    public static boolean looksLikeProse(String src) {
        int code = 0;
        int total = 0;
        for (String line : src.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            total++;
            if (CODE_LINE.matcher(line).matches()) {
                code++;
            }
        }
        return total > 0 && code * 2 < total;
    }

    /**
     * Hold the built program (or {@code null} when the answer has no code) and what building noticed.
     *
     * @param program the program, or {@code null}
     * @param notes notes for the student
     */
    public record Built(Program program, List<Note> notes) {

        public Built {
            notes = List.copyOf(notes);
        }
    }
}

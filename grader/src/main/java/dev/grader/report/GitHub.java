package dev.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.analyse.Finding;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Render what GitHub shows of one student's result: the Markdown job summary, annotations at the student's file
 * and lines (workflow commands), and the Classroom result of a grading that could not be done at all.
 */
public final class GitHub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHub() {
    }

    /**
     * Render the job summary: the total as Classroom records it, each question's checks with points and
     * feedback, and each finding at its line.
     *
     * @param title the rubric's title
     */
    public static String summary(SubmissionResult s, String title) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(inline(title)).append(": ").append(ReportWriter.number(s.points())).append(" / ")
                .append(ReportWriter.number(s.maxPoints())).append(" points\n\n");
        md.append("`").append(inline(s.file())).append("`: ").append(s.status().replace('_', ' '));
        if (s.reason() != null) {
            md.append(" (").append(inline(s.reason())).append(")");
        }
        md.append(". Classroom records these points: the sum of every check's points below. The reporter's own table"
                + " may show another figure, since it counts checks passed, not points.\n\n");
        md.append("| Question | Points | Checks passed |\n|---|---:|---:|\n");
        for (QuestionResult q : s.questions()) {
            long passed = q.checks().stream().filter(c -> c.verdict() == Verdict.PASS).count();
            md.append("| ").append(cell(q.id() + " " + (q.title() == null ? "" : q.title()))).append(" | ")
                    .append(ReportWriter.number(q.points())).append(" / ").append(ReportWriter.number(q.maxPoints()))
                    .append(" | ").append(q.manual() != null ? "graded by hand" : passed + " of " + q.checks().size())
                    .append(" |\n");
        }
        for (QuestionResult q : s.questions()) {
            md.append("\n### ").append(inline(q.id() + " " + (q.title() == null ? "" : q.title()))).append(": ")
                    .append(ReportWriter.number(q.points())).append(" / ").append(ReportWriter.number(q.maxPoints()))
                    .append("\n\n");
            md.append("Found: ").append(inline(q.how())).append("\n\n");
            if (q.manual() != null) {
                md.append("Graded by hand: ").append(ReportWriter.number(q.manual().points()))
                        .append(q.manual().comment().isEmpty() ? "" : ". " + inline(q.manual().comment())).append("\n\n");
                continue;
            }
            md.append("| Check | Result | Points | Feedback |\n|---|---|---:|---|\n");
            for (CheckResult c : q.checks()) {
                md.append("| ").append(cell(c.id())).append(" | ").append(c.verdict().label()).append(" | ")
                        .append(ReportWriter.number(c.points())).append(" / ").append(ReportWriter.number(c.maxPoints()))
                        .append(" | ").append(cell(c.feedback())).append(" |\n");
            }
            if (!q.findings().isEmpty()) {
                md.append("\n");
                for (Finding f : q.findings()) {
                    md.append("- ").append(f.severity().label()).append(" at ").append(inline(f.location())).append(" `")
                            .append(f.rule()).append("`: ").append(inline(f.message())).append("\n");
                }
            }
            for (var n : q.notes()) {
                md.append("\n> ").append(inline(n.message())).append("\n");
            }
        }
        return md.toString();
    }

    /**
     * Render a workflow command for each finding and each check that did not pass, at the student's file and
     * line, so that GitHub shows them on the commit.
     *
     * @param fileLine maps a place the grader names ({@code lab.ipynb cell 5}, line 3) to the line of the
     *     student's file; 0 when unknown
     */
    public static List<String> annotations(SubmissionResult s, BiFunction<String, Integer, Integer> fileLine) {
        List<String> out = new ArrayList<>();
        for (QuestionResult q : s.questions()) {
            for (Finding f : q.findings()) {
                String level = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                out.add(command(level, s.file(), fileLine.apply(f.origin().file(), f.line()), q.id() + " " + f.rule(),
                        f.message()));
            }
            if (q.manual() != null) {
                continue;
            }
            int line = answerLine(q, fileLine);
            for (CheckResult c : q.checks()) {
                if (c.verdict() == Verdict.FAIL || c.verdict() == Verdict.ERROR) {
                    out.add(command(c.verdict() == Verdict.ERROR ? "error" : "warning", s.file(), line,
                            q.id() + " " + c.id() + ": " + ReportWriter.number(c.points()) + "/"
                                    + ReportWriter.number(c.maxPoints()), c.feedback()));
                }
            }
        }
        return out;
    }

    private static int answerLine(QuestionResult q, BiFunction<String, Integer, Integer> fileLine) {
        if (q.code() == null) {
            return 0;
        }
        for (var l : q.code().lines()) {
            if (l.number() > 0) {
                return fileLine.apply(l.file().isEmpty() ? q.code().file() : l.file(), l.number());
            }
        }
        return 0;
    }

    /** Render one workflow command: {@code ::warning file=F,line=L,title=T::message}, escaped as GitHub reads it. */
    static String command(String level, String file, int line, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level).append(" file=").append(property(file));
        if (line > 0) {
            sb.append(",line=").append(line);
        }
        sb.append(",title=").append(property(title)).append("::").append(data(message));
        return sb.toString();
    }

    private static String data(String s) {
        return (s == null ? "" : s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Render the Classroom result of a grading that could not be done: score 0, one test named after the problem
     * with status {@code error} and the message, so the reporter prints the reason and records 0.
     *
     * @param problem what went wrong, in a few words ("missing file", "no Python")
     * @param message what to do about it
     * @param maxScore the rubric's points, or 0 when the rubric could not be read
     */
    public static String classroomError(String problem, String message, double maxScore) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", "error");
        Formats.putNumber(root, "max_score", maxScore);
        ObjectNode t = root.putArray("tests").addObject();
        t.put("name", problem);
        t.put("status", "error");
        t.put("score", 0);
        Formats.putNumber(t, "max_score", maxScore);
        t.put("message", message);
        t.put("test_code", "");
        t.put("filename", "");
        t.put("line_no", 0);
        t.put("duration", 0);
        return root + "\n";
    }

    /** Render the job summary of a grading that could not be done. */
    public static String errorSummary(String problem, String message) {
        return "## Not graded: " + inline(problem) + "\n\n" + inline(message) + "\n\nClassroom records 0 points.\n";
    }

    /** Make text safe on one line of Markdown: no HTML, no line breaks. */
    private static String inline(String s) {
        return (s == null ? "" : s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    private static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }
}

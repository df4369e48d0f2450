package dev.grader.report;

import dev.grader.analyse.Finding;
import dev.grader.analyse.Severity;
import dev.grader.ingest.Note;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.RunSummary;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;

/**
 * Render one graded submission as plain text for the terminal: one line per check, then notes and totals.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() {}

    /**
     * Render a submission's result.
     *
     * @param s the result
     * @param color whether to colour verdicts with ANSI escapes
     * @return the text, ending with a newline
     */
    public static String render(SubmissionResult s, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.id()).append(" (").append(s.format()).append("): ").append(s.status().replace('_', ' '));
        if (s.reason() != null) {
            sb.append(" - ").append(s.reason());
        }
        sb.append('\n');
        for (Note n : s.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        for (QuestionResult q : s.questions()) {
            sb.append('\n').append(q.id()).append(' ').append(q.title()).append(": ").append(q.status().replace('_', ' '))
                    .append("  ").append(ReportWriter.number(q.points())).append('/')
                    .append(ReportWriter.number(q.maxPoints())).append('\n');
            if (q.how() != null && !q.how().isBlank()) {
                sb.append("  found: ").append(q.how()).append('\n');
            }
            for (Note n : q.notes()) {
                sb.append("  note: ").append(n).append('\n');
            }
            if (q.manual() != null) {
                sb.append("  graded by hand: ").append(ReportWriter.number(q.manual().points())).append('/')
                        .append(ReportWriter.number(q.maxPoints()))
                        .append(q.manual().comment().isEmpty() ? "" : " - " + q.manual().comment())
                        .append(" (replaces the checks' points)\n");
            }
            if (q.run() != null && q.run().error() != null) {
                sb.append("  error: ").append(q.run().error()).append('\n');
            }
            if (q.run() != null && q.run().limit() != null) {
                sb.append("  limit: ").append(q.run().limit()).append('\n');
            }
            if (q.run() != null) {
                for (RunSummary.Hang h : q.run().hangs()) {
                    sb.append("  stuck: ").append(h.process()).append(": ").append(h.blockedAt()).append('\n');
                    for (String f : h.frames()) {
                        sb.append("      at ").append(f).append('\n');
                    }
                }
            }
            for (CheckResult c : q.checks()) {
                String tag = "[" + c.verdict().name() + "]";
                if (color) {
                    tag = colour(c.verdict()) + tag + RESET;
                }
                sb.append("  ").append(tag).append(' ').append(q.id()).append(' ').append(c.id()).append(' ')
                        .append(ReportWriter.number(c.points())).append('/').append(ReportWriter.number(c.maxPoints()))
                        .append("  ").append(c.feedback() == null ? "" : c.feedback()).append('\n');
                for (String e : c.evidence()) {
                    sb.append("      - ").append(e).append('\n');
                }
            }
            for (Finding f : q.findings()) {
                String tag = "(" + f.severity().label() + ")";
                if (color) {
                    tag = (f.severity() == Severity.ERROR ? "\u001b[31m" : f.severity() == Severity.WARNING
                            ? "\u001b[33m" : "\u001b[36m") + tag + RESET;
                }
                sb.append("  ").append(tag).append(' ').append(q.id()).append(' ').append(f.location()).append(' ')
                        .append(f.rule()).append(": ").append(f.message()).append('\n');
            }
        }
        sb.append("\nTotal: ").append(ReportWriter.number(s.points())).append('/')
                .append(ReportWriter.number(s.maxPoints())).append('\n');
        return sb.toString();
    }

    /**
     * Render the compact table a student reads first: one row per question with its points, each check's
     * verdict as a mark, and how many findings.
     *
     * @param s the result
     * @param color whether to colour the marks with ANSI escapes
     * @return the table, ending with a newline
     */
    public static String table(SubmissionResult s, boolean color) {
        StringBuilder sb = new StringBuilder(String.format("%-5s %9s  %s%n", "", "points", "checks"));
        for (QuestionResult q : s.questions()) {
            StringBuilder checks = new StringBuilder();
            for (CheckResult c : q.checks()) {
                String mark = switch (c.verdict()) {
                    case PASS -> "ok";
                    case FAIL -> "FAIL";
                    case ERROR -> "ERROR";
                    case SKIPPED -> "skipped";
                };
                if (color) {
                    mark = colour(c.verdict()) + mark + RESET;
                }
                checks.append(c.id()).append(' ').append(mark).append("  ");
            }
            if (q.manual() != null) {
                checks.append("(graded by hand)  ");
            }
            if (!q.findings().isEmpty()) {
                checks.append(q.findings().size()).append(q.findings().size() == 1 ? " finding" : " findings");
            }
            String points = ReportWriter.number(q.points()) + "/" + ReportWriter.number(q.maxPoints());
            sb.append(String.format("%-5s %9s  %s%n", q.id(), points, checks.toString().strip()));
        }
        sb.append(String.format("%-5s %9s%n", "total",
                ReportWriter.number(s.points()) + "/" + ReportWriter.number(s.maxPoints())));
        return sb.toString();
    }

    private static String colour(Verdict v) {
        return switch (v) {
            case PASS -> "\u001b[32m";
            case FAIL -> "\u001b[31m";
            case ERROR -> "\u001b[35m";
            case SKIPPED -> "\u001b[33m";
        };
    }
}

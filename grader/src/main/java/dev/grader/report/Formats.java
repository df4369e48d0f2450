package dev.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.analyse.Finding;
import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Render results in the formats other tools read: a gradebook CSV, JUnit XML, the GitHub Classroom runner
 * result and Gradescope's {@code results.json}.
 */
public final class Formats {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Formats() {
    }

    /**
     * Render the gradebook: {@code id}, one column per question, {@code total}, {@code max}, {@code percent},
     * {@code status}; the first row gives the points of each question, as Otter's does.
     */
    public static String gradebook(BatchResult b) {
        List<String> ids = ReportWriter.questionIds(b);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(ids);
        header.addAll(List.of("total", "max", "percent", "status"));
        row(sb, header);
        List<String> points = new ArrayList<>(List.of("points-per-question"));
        double max = 0;
        for (String id : ids) {
            double m = b.submissions().stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id))
                    .mapToDouble(QuestionResult::maxPoints).max().orElse(0);
            points.add(ReportWriter.number(m));
            max += m;
        }
        points.addAll(List.of(ReportWriter.number(max), ReportWriter.number(max), "100", ""));
        row(sb, points);
        for (SubmissionResult s : b.submissions()) {
            List<String> cells = new ArrayList<>(List.of(s.id()));
            for (String id : ids) {
                cells.add(s.questions().stream().filter(q -> q.id().equals(id)).findFirst()
                        .map(q -> ReportWriter.number(q.points())).orElse("0"));
            }
            cells.add(ReportWriter.number(s.points()));
            cells.add(ReportWriter.number(s.maxPoints()));
            cells.add(ReportWriter.number(percent(s)));
            cells.add(s.status());
            row(sb, cells);
        }
        return sb.toString();
    }

    private static double percent(SubmissionResult s) {
        return s.maxPoints() <= 0 ? 0 : Math.round(10_000.0 * s.points() / s.maxPoints()) / 100.0;
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ReportWriter.csvCell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * Render JUnit XML as Surefire writes it: one {@code testsuite} per submission, one {@code testcase} per
     * check, named with its question ({@code Q5 pool_closed}) and classed by the submission; failures carry the
     * feedback and the evidence. A question's run lasted its first check's {@code time}; a suite's time is the sum.
     */
    public static String junit(BatchResult b) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        long allMillis = 0;
        for (SubmissionResult s : b.submissions()) {
            StringBuilder cases = new StringBuilder();
            int t = 0;
            int f = 0;
            int e = 0;
            int k = 0;
            long millis = 0;
            String classname = xml(s.id());
            if (!s.status().startsWith("graded")) {
                t++;
                e++;
                cases.append("    <testcase classname=\"").append(classname).append("\" name=\"read\" time=\"0\">\n")
                        .append("      <error message=\"").append(xml(s.status())).append("\" type=\"")
                        .append(xml(s.status())).append("\">").append(xml(s.reason())).append("</error>\n")
                        .append("    </testcase>\n");
            }
            for (QuestionResult q : s.questions()) {
                long run = q.run() == null ? 0 : Math.max(0, q.run().wallMillis());
                millis += run;
                if (q.manual() != null) {
                    t++;
                    cases.append("    <testcase classname=\"").append(classname).append("\" name=\"")
                            .append(xml(q.id() + " manual")).append("\" time=\"").append(seconds(run)).append("\">\n");
                    if (q.manual().points() < q.maxPoints()) {
                        f++;
                        cases.append("      <failure message=\"").append(xml(manualText(q))).append("\" type=\"manual\"/>\n");
                    }
                    cases.append("    </testcase>\n");
                    continue;
                }
                boolean first = true;
                for (CheckResult c : q.checks()) {
                    t++;
                    cases.append("    <testcase classname=\"").append(classname).append("\" name=\"")
                            .append(xml(q.id() + " " + c.id())).append("\" time=\"").append(seconds(first ? run : 0))
                            .append("\">\n");
                    first = false;
                    String body = xml(String.join("\n", c.evidence()));
                    switch (c.verdict()) {
                        case FAIL -> {
                            f++;
                            cases.append("      <failure message=\"").append(xml(c.feedback())).append("\" type=\"")
                                    .append(xml(c.type())).append("\">").append(body).append("</failure>\n");
                        }
                        case ERROR -> {
                            e++;
                            cases.append("      <error message=\"").append(xml(c.feedback())).append("\" type=\"")
                                    .append(xml(c.type())).append("\">").append(body).append("</error>\n");
                        }
                        case SKIPPED -> {
                            k++;
                            cases.append("      <skipped message=\"").append(xml(c.feedback())).append("\"/>\n");
                        }
                        default -> {
                            // a pass has no child element
                        }
                    }
                    cases.append("    </testcase>\n");
                }
            }
            suites.append("  <testsuite name=\"").append(classname).append("\" tests=\"").append(t)
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(e).append("\" skipped=\"")
                    .append(k).append("\" time=\"").append(seconds(millis)).append("\">\n").append(cases)
                    .append("  </testsuite>\n");
            tests += t;
            failures += f;
            errors += e;
            skipped += k;
            allMillis += millis;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + xml(b.assignment()) + "\" tests=\""
                + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped
                + "\" time=\"" + seconds(allMillis) + "\">\n" + suites + "</testsuites>\n";
    }

    /** Write milliseconds as JUnit XML's seconds: {@code 0.266}. */
    private static String seconds(long millis) {
        return millis == 0 ? "0" : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Escape text for XML 1.0, dropping the control characters it cannot hold. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (cp == '\n' || cp == '\t' || cp == '\r' || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    /**
     * Render the result a GitHub Classroom grading step reports for one submission (before base64): one test
     * per check with its fractional score; {@code status}, {@code max_score} and {@code line_no} always there.
     */
    public static String classroom(SubmissionResult s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        boolean error = !s.status().startsWith("graded");
        boolean allPass = !s.questions().isEmpty();
        ArrayNode tests = JSON.createArrayNode();
        for (QuestionResult q : s.questions()) {
            if (q.manual() != null) {
                allPass &= q.manual().points() >= q.maxPoints();
                ObjectNode t = tests.addObject();
                t.put("name", q.id() + " (graded by hand)");
                t.put("status", q.manual().points() >= q.maxPoints() ? "pass" : "fail");
                putNumber(t, "score", q.manual().points());
                putNumber(t, "max_score", q.maxPoints());
                t.put("message", manualText(q));
                t.put("test_code", q.id() + ": manual");
                t.put("filename", s.file());
                t.put("line_no", 0);
                t.put("duration", 0);
                continue;
            }
            for (CheckResult c : q.checks()) {
                allPass &= c.verdict() == Verdict.PASS;
                ObjectNode t = tests.addObject();
                t.put("name", q.id() + " " + c.id());
                t.put("status", c.verdict() == Verdict.PASS ? "pass" : c.verdict() == Verdict.ERROR ? "error" : "fail");
                putNumber(t, "score", c.points());
                putNumber(t, "max_score", c.maxPoints());
                t.put("message", message(c, q));
                t.put("test_code", q.id() + ": " + c.type());
                t.put("filename", s.file());
                t.put("line_no", firstLine(q));
                t.put("duration", q.run() == null ? 0 : q.run().wallMillis());
            }
        }
        root.put("status", error ? "error" : allPass ? "pass" : "fail");
        putNumber(root, "max_score", s.maxPoints());
        root.set("tests", tests);
        return write(root);
    }

    private static String manualText(QuestionResult q) {
        return "Graded by hand: " + ReportWriter.number(q.manual().points()) + "/" + ReportWriter.number(q.maxPoints())
                + (q.manual().comment().isEmpty() ? "" : ". " + q.manual().comment());
    }

    private static String message(CheckResult c, QuestionResult q) {
        StringBuilder sb = new StringBuilder(c.feedback() == null ? "" : c.feedback());
        for (String e : c.evidence()) {
            sb.append("\n- ").append(e);
        }
        if (c.type().equals("runs")) {
            for (Finding f : q.findings()) {
                sb.append("\n").append(f.severity().label()).append(" at ").append(f.location()).append(": ")
                        .append(f.message());
            }
        }
        return sb.toString();
    }

    private static int firstLine(QuestionResult q) {
        if (!q.findings().isEmpty()) {
            return q.findings().get(0).line();
        }
        return q.code() == null ? 0 : q.code().lines().stream().mapToInt(l -> l.number()).filter(n -> n > 0).findFirst()
                .orElse(0);
    }

    /**
     * Render Gradescope's {@code results.json} for one submission: the score, and one test per check with its
     * points, status and feedback, visible to the student.
     */
    public static String gradescope(SubmissionResult s) {
        long ms = s.questions().stream().filter(q -> q.run() != null).mapToLong(q -> q.run().wallMillis()).sum();
        return gradescope(s, Math.max(0, Math.round(ms / 1000.0)));
    }

    /**
     * Render Gradescope's {@code results.json} for one submission, with the time the whole grading took.
     *
     * @param executionSeconds the grading's duration, in whole seconds
     */
    public static String gradescope(SubmissionResult s, long executionSeconds) {
        ObjectNode root = JSON.createObjectNode();
        putNumber(root, "score", s.points());
        root.put("execution_time", Math.max(0, executionSeconds));
        StringBuilder summary = new StringBuilder(s.id() + ": " + s.status().replace('_', ' '));
        if (s.reason() != null) {
            summary.append(" (").append(s.reason()).append(")");
        }
        for (QuestionResult q : s.questions()) {
            for (Finding f : q.findings()) {
                summary.append("\n").append(q.id()).append(" ").append(f.severity().label()).append(" at ")
                        .append(f.location()).append(" [").append(f.rule()).append("]: ").append(f.message());
            }
        }
        root.put("output", summary.toString());
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        int qn = 0;
        for (QuestionResult q : s.questions()) {
            qn++;
            if (q.manual() != null) {
                ObjectNode t = tests.addObject();
                t.put("name", q.id() + " " + (q.title() == null ? "" : q.title() + ": ") + "graded by hand");
                t.put("number", qn + ".1");
                putNumber(t, "score", q.manual().points());
                putNumber(t, "max_score", q.maxPoints());
                t.put("status", q.manual().points() >= q.maxPoints() ? "passed" : "failed");
                t.put("output", manualText(q));
                t.put("output_format", "text");
                t.putArray("tags").add(q.id()).add("manual");
                t.put("visibility", "visible");
                continue;
            }
            int cn = 0;
            for (CheckResult c : q.checks()) {
                cn++;
                ObjectNode t = tests.addObject();
                t.put("name", q.id() + " " + (q.title() == null ? "" : q.title() + ": ") + c.id());
                t.put("number", qn + "." + cn);
                putNumber(t, "score", c.points());
                putNumber(t, "max_score", c.maxPoints());
                t.put("status", c.verdict() == Verdict.PASS ? "passed" : "failed");
                t.put("output", message(c, q));
                t.put("output_format", "text");
                ArrayNode tags = t.putArray("tags");
                tags.add(q.id());
                tags.add(c.type());
                t.put("visibility", "visible");
            }
        }
        return write(root);
    }

    /**
     * Render Gradescope's {@code results.json} for a grading that could not be done: score 0 and the reason,
     * which the student sees instead of "The autograder failed to execute correctly".
     */
    public static String gradescopeError(String problem, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", 0);
        root.put("output", "Not graded: " + problem + ". " + message);
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.putArray("tests");
        return write(root);
    }

    /** Put a number as a whole number when it is one, else with at most four decimals. */
    static void putNumber(ObjectNode o, String field, double v) {
        if (v == Math.rint(v)) {
            o.put(field, (long) v);
        } else {
            o.put(field, Double.parseDouble(String.format(Locale.ROOT, "%.4f", v)));
        }
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

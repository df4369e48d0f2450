package dev.grader.judge;

import dev.grader.judge.QuestionResult.Manual;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merge an instructor's grades into a batch: prose scores and overrides, read from a CSV with the columns
 * {@code id,question,points,comment}. A manual grade replaces the question's points and is shown as manual
 * in every output.
 */
public final class ManualGrades {

    private final Map<String, Map<String, Manual>> grades;
    private final Map<String, Map<String, Integer>> lines;
    private final String file;

    private ManualGrades(String file, Map<String, Map<String, Manual>> grades, Map<String, Map<String, Integer>> lines) {
        this.file = file;
        this.grades = grades;
        this.lines = lines;
    }

    /**
     * Read the CSV.
     *
     * @param csv the file: a header row {@code id,question,points,comment} (comment optional), one row per grade
     * @param problems receives every problem as {@code file:line: what is wrong}
     * @return the grades read (rows with problems left out)
     */
    public static ManualGrades read(Path csv, List<String> problems) throws IOException {
        String name = csv.toString();
        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        Map<String, Map<String, Manual>> grades = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            problems.add(name + ":1: empty; expected a header id,question,points,comment");
            return new ManualGrades(name, grades, lines);
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("id");
        int question = header.indexOf("question");
        int points = header.indexOf("points");
        int comment = header.indexOf("comment");
        if (id < 0 || question < 0 || points < 0) {
            problems.add(name + ":1: the header must name the columns id, question and points (and optionally comment), "
                    + "not " + String.join(",", rows.get(0)));
            return new ManualGrades(name, grades, lines);
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String sid = cell(row, id);
            String qid = cell(row, question);
            String text = cell(row, points);
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                problems.add(name + ":" + line + ": points '" + text + "' is not a number");
                continue;
            }
            if (sid.isEmpty() || qid.isEmpty()) {
                problems.add(name + ":" + line + ": id and question must not be empty");
                continue;
            }
            if (grades.computeIfAbsent(sid, k -> new LinkedHashMap<>()).containsKey(qid)) {
                problems.add(name + ":" + line + ": " + sid + " " + qid + " is graded twice");
                continue;
            }
            grades.get(sid).put(qid, new Manual(value, comment < 0 ? "" : cell(row, comment)));
            lines.computeIfAbsent(sid, k -> new LinkedHashMap<>()).put(qid, line);
        }
        return new ManualGrades(name, grades, lines);
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i).strip() : "";
    }

    /**
     * Apply the grades to a batch.
     *
     * @param problems receives each grade that names no submission or question, or gives points out of range
     * @return the batch with the manual grades in, totals recomputed
     */
    public BatchResult apply(BatchResult batch, List<String> problems) {
        List<SubmissionResult> out = new ArrayList<>();
        for (SubmissionResult s : batch.submissions()) {
            Map<String, Manual> mine = grades.getOrDefault(s.id(), Map.of());
            List<QuestionResult> qs = new ArrayList<>();
            for (QuestionResult q : s.questions()) {
                Manual m = mine.get(q.id());
                if (m != null && (m.points() < 0 || m.points() > q.maxPoints())) {
                    problems.add(file + ":" + lines.get(s.id()).get(q.id()) + ": " + m.points() + " points for "
                            + s.id() + " " + q.id() + " is outside 0.." + q.maxPoints());
                    m = null;
                }
                qs.add(m == null ? q : q.withManual(m));
            }
            for (String qid : mine.keySet()) {
                if (s.questions().stream().noneMatch(q -> q.id().equals(qid))) {
                    problems.add(file + ":" + lines.get(s.id()).get(qid) + ": no question " + qid + " in the rubric");
                }
            }
            double points = qs.stream().mapToDouble(QuestionResult::points).sum();
            out.add(new SubmissionResult(s.id(), s.file(), s.format(), s.status(), s.reason(), points, s.maxPoints(), qs,
                    s.notes()));
        }
        for (String sid : grades.keySet()) {
            if (batch.submissions().stream().noneMatch(s -> s.id().equals(sid))) {
                problems.add(file + ":" + lines.get(sid).values().iterator().next() + ": no submission '" + sid
                        + "' in this batch");
            }
        }
        return new BatchResult(batch.assignment(), batch.rubricTitle(), batch.rubricVersion(), batch.rubricSource(),
                batch.graderVersion(), batch.isolation(), batch.python(), batch.gradedAt(), out);
    }

    /** Split CSV text into rows of cells, RFC 4180 quoting (a spreadsheet's export). */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}

package dev.grader.segment;

import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import dev.grader.ingest.Submission;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Find each question's answer in a Java submission and make, per question, the source files that compile on
 * their own into that answer.
 *
 * <p>An answer is marked in one of three ways, tried in this order in each file: comment markers at the top
 * level of the file ({@code // Q3}, {@code /* Question 5 *}{@code /}), top-level classes whose names carry
 * the number ({@code class Q3}, {@code class Question5Pool}), or the file's own name ({@code Q6.java},
 * {@code q6/Main.java}). A file with none of them is shared by every question. In each question's copy of a
 * file, the other questions' lines are blanked, so that every line keeps its number in the student's file.
 */
public final class JavaSegmenter {

    private static final Pattern MARKER = Pattern.compile(
            "(?i)^\\s*(?://+|/\\*+)\\s*[-=#*\\s]*(?:q|ques|question|task|exercise|ans|answer)\\s*[-_.:#]?\\s*0*(\\d{1,2})(?!\\d)");
    private static final Pattern TYPE = Pattern.compile(
            "^\\s*(?:(?:public|final|abstract|static|sealed|non-sealed|strictfp)\\s+)*(?:class|record|enum|interface)\\s+"
                    + "([A-Za-z_$][\\w$]*)");
    private static final Pattern NUMBERED = Pattern.compile("(?i)(?:^|[^a-z])(?:q|ques|question)_?0*(\\d{1,2})(?!\\d)");
    private static final Pattern NUMBERED_START = Pattern.compile("(?i)^(?:q|ques|question)_?0*(\\d{1,2})(?!\\d)");

    private final List<Question> questions;

    /** Make a segmenter for a rubric's questions. */
    public JavaSegmenter(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** Say which question owns a line: the question's number, 0 for shared lines, -1 for a line left out. */
    private record Layout(String how, int[] owner, List<Note> notes) {}

    /** Return one answer per rubric question, in rubric order. */
    public List<Answer> segment(Submission submission) {
        Map<Cell, Layout> layouts = new LinkedHashMap<>();
        for (Cell c : submission.cells()) {
            layouts.put(c, layout(c));
        }
        List<Answer> answers = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() != Question.Kind.CODE) {
                answers.add(Answer.missing(q.id(), "a Java submission holds no written answers"));
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            List<String> hows = new ArrayList<>();
            List<Note> notes = new ArrayList<>();
            boolean own = false;
            int ownCount = 0;
            for (Map.Entry<Cell, Layout> e : layouts.entrySet()) {
                Cell c = e.getKey();
                Layout l = e.getValue();
                boolean mine = Arrays.stream(l.owner).anyMatch(o -> o == q.number());
                if (!mine && Arrays.stream(l.owner).noneMatch(o -> o == 0)) {
                    continue;
                }
                if (mine) {
                    own = true;
                    hows.add(l.how.replace("#", Integer.toString(q.number())));
                    notes.addAll(l.notes);
                }
                // the answer's own files first: its main class is looked for in file order
                cells.add(mine ? ownCount++ : cells.size(), copy(c, l.owner, q.number()));
            }
            if (!own) {
                answers.add(Answer.missing(q.id(), "no '// " + q.id() + "' marker, no class named " + q.id()
                        + " and no file named " + q.id() + ".java"));
                continue;
            }
            answers.add(new Answer(q.id(), true, String.join("; ", hows), cells, notes));
        }
        return answers;
    }

    /** Return a copy of a file where only shared lines and the question's lines are kept. */
    private static Cell copy(Cell c, int[] owner, int number) {
        String[] lines = c.source().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            boolean keep = owner[i] == 0 || owner[i] == number;
            sb.append(keep ? lines[i] : "");
            if (i + 1 < lines.length) {
                sb.append('\n');
            }
            kept.add(keep ? c.fileLine(i + 1) : 0);
        }
        return new Cell(c.index(), CellKind.CODE, sb.toString(), kept, c.file());
    }

    private Layout layout(Cell c) {
        String[] lines = c.source().split("\n", -1);
        int[] depth = depths(lines);
        int[] owner = new int[lines.length];
        List<Note> notes = new ArrayList<>();
        // comment markers at the top level of the file
        List<int[]> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find() && known(Integer.parseInt(m.group(1)))) {
                if (depth[i] > 0) {
                    notes.add(new Note(c.file(), c.fileLine(i + 1), "the marker '" + lines[i].strip()
                            + "' is inside a class: put each answer in its own class with a main method"));
                    continue;
                }
                starts.add(new int[] {i, Integer.parseInt(m.group(1))});
            }
        }
        if (!starts.isEmpty()) {
            regions(owner, starts, lines.length);
            return new Layout("marker '// Q#' in " + c.file(), owner, notes);
        }
        // top-level classes whose names carry a question's number
        List<String> types = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher t = TYPE.matcher(lines[i]);
            if (depth[i] == 0 && t.find()) {
                Matcher n = NUMBERED.matcher(t.group(1));
                if (n.find() && known(Integer.parseInt(n.group(1)))) {
                    int from = i;
                    while (from > 0 && lines[from - 1].strip().startsWith("@")) {
                        from--;
                    }
                    starts.add(new int[] {from, Integer.parseInt(n.group(1))});
                    types.add(t.group(1));
                }
            }
        }
        if (!starts.isEmpty()) {
            regions(owner, starts, lines.length);
            sharedTypes(lines, depth, owner, types);
            return new Layout("class Q# in " + c.file(), owner, notes);
        }
        // the file's name
        String rel = c.file().replace('\\', '/');
        for (String part : rel.split("/")) {
            Matcher n = NUMBERED_START.matcher(part);
            if (n.find() && known(Integer.parseInt(n.group(1)))) {
                Arrays.fill(owner, Integer.parseInt(n.group(1)));
                return new Layout("file " + c.file(), owner, notes);
            }
        }
        return new Layout("", owner, notes);
    }

    /** Give each region, from its start to the next start, to its question; lines before the first are shared. */
    private static void regions(int[] owner, List<int[]> starts, int n) {
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k)[0];
            int to = k + 1 < starts.size() ? starts.get(k + 1)[0] : n;
            Arrays.fill(owner, from, to, starts.get(k)[1]);
        }
    }

    /**
     * Share the unnumbered top-level classes that follow a numbered one (helpers), but leave out a driver: an
     * unnumbered class that calls the numbered ones, which would not compile in any question on its own.
     */
    private static void sharedTypes(String[] lines, int[] depth, int[] owner, List<String> numbered) {
        for (int i = 0; i < lines.length; i++) {
            Matcher t = TYPE.matcher(lines[i]);
            if (depth[i] != 0 || !t.find() || numbered.contains(t.group(1)) || owner[i] == 0) {
                continue;
            }
            int end = i;
            while (end + 1 < lines.length && (depth[end + 1] > 0 || lines[end + 1].strip().equals("}"))) {
                end++;
            }
            boolean driver = false;
            for (int k = i; k <= end && !driver; k++) {
                for (String name : numbered) {
                    driver |= lines[k].matches(".*\\b" + Pattern.quote(name) + "\\b.*");
                }
            }
            int from = i;
            while (from > 0 && lines[from - 1].strip().startsWith("@")) {
                from--;
            }
            Arrays.fill(owner, from, end + 1, driver ? -1 : 0);
        }
    }

    private boolean known(int number) {
        return questions.stream().anyMatch(q -> q.number() == number);
    }

    /** Return the brace depth at the start of each line, skipping strings, characters and comments. */
    static int[] depths(String[] lines) {
        int[] out = new int[lines.length];
        int depth = 0;
        boolean block = false;
        for (int i = 0; i < lines.length; i++) {
            out[i] = depth;
            String s = lines[i];
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (block) {
                    if (ch == '*' && k + 1 < s.length() && s.charAt(k + 1) == '/') {
                        block = false;
                        k++;
                    }
                } else if (ch == '/' && k + 1 < s.length() && s.charAt(k + 1) == '/') {
                    break;
                } else if (ch == '/' && k + 1 < s.length() && s.charAt(k + 1) == '*') {
                    block = true;
                    k++;
                } else if (ch == '"' || ch == '\'') {
                    k++;
                    while (k < s.length() && s.charAt(k) != ch) {
                        k += s.charAt(k) == '\\' ? 2 : 1;
                    }
                } else if (ch == '{') {
                    depth++;
                } else if (ch == '}') {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        return out;
    }
}

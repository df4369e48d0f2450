package dev.grader.segment;

import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import dev.grader.ingest.Submission;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Find each question's answer in a free-form submission.
 *
 * <p>Answers are found by their markers (a heading or comment that starts with a label such as
 * {@code Q3}, {@code Q.3}, {@code Question 3}, {@code Ans 3}, or that carries the question's own text),
 * and, where nothing marks a code answer, by what the code does. The question's text is trusted over
 * its number when the two disagree. A question not found is missing, with the reason.
 */
public final class Segmenter {

    // what may stand before a heading's text: markdown marks, tags, and the quotes of a string typed as prose
    private static final Pattern DECORATION = Pattern.compile(
            "^(\\s|#|>|\\*|_|-(?=\\s)|\"|'|<\\s*(h[1-6]|b|strong|p|u|i|em|span)[^>]*>)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^(?:q(?:ues(?:tion)?|ue|s)?|ans(?:wer)?|a(?=\\d)|(?:code|solution|answer|program|ans)\\s+(?:for|of|to)\\s+q(?:uestion)?)"
                    + "[\\s.]*(?:no\\.?|number|#)?\\s*[-.:#)]*\\s*0*(\\d{1,2})(?![\\d/,]|\\.\\d|\\s*(?:feb|jan|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|st|nd|rd|th)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("^0*(\\d{1,2})\\s*[.):]?\\s*(.*)$");
    private static final Pattern MORE_LABELS = Pattern.compile(
            "^\\s*[-.:)]*\\s*(?:&|\\+|/|,|and)\\s*(?:q(?:ues(?:tion)?)?|ans(?:wer)?)?[\\s.]*(?:no\\.?)?\\s*0*(\\d{1,2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROCESS = Pattern.compile("Process\\s*\\(");
    private static final Pattern START = Pattern.compile("\\.start\\s*\\(");
    private static final Pattern POOL = Pattern.compile("Pool\\s*\\(|ProcessPoolExecutor\\s*\\(|Pool\\b.*\\bas\\b");
    private static final Pattern FOUR = Pattern.compile(
            "range\\s*\\(\\s*(?:4|0\\s*,\\s*4|1\\s*,\\s*5)\\s*\\)|Pool\\s*\\(\\s*(?:processes\\s*=\\s*)?4\\s*\\)"
                    + "|ProcessPoolExecutor\\s*\\(\\s*(?:max_workers\\s*=\\s*)?4\\s*\\)|\\[\\s*\\w+\\s*,\\s*\\w+\\s*,\\s*\\w+\\s*,\\s*\\w+\\s*\\]");

    private final List<Question> questions;
    private final QuestionText texts;

    /** Make a segmenter for the rubric's questions. */
    public Segmenter(List<Question> questions) {
        this.questions = List.copyOf(questions);
        this.texts = new QuestionText(this.questions);
    }

    /** Hold one marker found: where, which question, and how it was recognised. */
    private record Marker(int cell, int line, Question question, String how, Note note, List<Question> also) {

        Marker(int cell, int line, Question question, String how, Note note) {
            this(cell, line, question, how, note, List.of());
        }

        /** Return this marker splitting its cell at another line (where the string that holds it opens). */
        Marker splitAt(int newLine) {
            return new Marker(cell, newLine, question, how, note, also);
        }
    }

    /**
     * Split the submission into one answer per question, in the rubric's order.
     *
     * @param submission the cells of one submission
     * @return exactly one answer per question
     */
    public List<Answer> segment(Submission submission) {
        List<Cell> cells = submission.cells().stream().filter(c -> !c.isBlank()).toList();
        List<Marker> markers = answersByNumber(cells, findMarkers(cells));
        Map<Question, List<Cell>> regions = new LinkedHashMap<>();
        Map<Question, Marker> found = new HashMap<>();
        List<Cell> unassigned = new ArrayList<>();
        Question current = null;
        int m = 0;
        // where each question starts within a prose cell: code taken out of that cell follows it by its lines
        Map<String, TreeMap<Integer, Question>> startsInProse = new HashMap<>();
        Set<String> proseFiles = new HashSet<>();
        for (int ci = 0; ci < cells.size(); ci++) {
            Cell c = cells.get(ci);
            if (c.kind() != CellKind.CODE && c.kind() != CellKind.MARKDOWN_CODE) {
                proseFiles.add(c.file());
            }
            TreeMap<Integer, Question> starts = startsInProse.get(c.file());
            boolean takenOut = c.kind() == CellKind.MARKDOWN_CODE
                    || (c.kind() == CellKind.CODE && submission.format().equals("ipynb") && proseFiles.contains(c.file()));
            String[] src = c.source().split("\n", -1);
            if (takenOut && starts != null && starts.floorEntry(c.firstLine()) != null) {
                // split where the prose cell's questions start, each piece to its question
                int from = 0;
                Question q = starts.floorEntry(c.firstLine()).getValue();
                for (int i = 1; i < src.length; i++) {
                    Map.Entry<Integer, Question> at = starts.floorEntry(c.fileLine(i + 1));
                    if (at != null && at.getValue() != q) {
                        add(regions, unassigned, q, piece(c, src, from, i));
                        from = i;
                        q = at.getValue();
                    }
                }
                add(regions, unassigned, q, from == 0 ? c : piece(c, src, from, src.length));
                continue;
            }
            int from = 0;
            while (m < markers.size() && markers.get(m).cell() == ci) {
                Marker mk = markers.get(m++);
                if (c.kind() != CellKind.CODE) {
                    startsInProse.computeIfAbsent(c.file(), f -> new TreeMap<>()).put(c.fileLine(mk.line() + 1),
                            mk.question());
                }
                if (mk.line() > from) {
                    add(regions, unassigned, current, piece(c, src, from, mk.line()));
                }
                from = mk.line();
                if (!found.containsKey(mk.question())) {
                    found.put(mk.question(), mk);
                    current = mk.question();
                } else if (mk.question() != current) {
                    current = mk.question();
                }
            }
            add(regions, unassigned, current, from == 0 ? c : piece(c, src, from, src.length));
        }
        List<Answer> answers = new ArrayList<>();
        Map<Question, Answer> byQuestion = new LinkedHashMap<>();
        for (Question q : questions) {
            List<Cell> region = regions.getOrDefault(q, List.of());
            Marker mk = found.get(q);
            List<Note> notes = new ArrayList<>();
            if (mk != null && mk.note() != null) {
                notes.add(mk.note());
            }
            if (mk == null) {
                byQuestion.put(q, null);
            } else if (!hasContent(region, mk, q)) {
                byQuestion.put(q, Answer.missing(q.id(), "heading " + mk.how() + " but the answer is empty"));
            } else {
                byQuestion.put(q, new Answer(q.id(), true, mk.how(), region, notes));
            }
        }
        shareCombinedAnswers(markers, regions, byQuestion);
        fallback(cells, markers, regions, byQuestion, unassigned);
        for (Question q : questions) {
            Answer a = byQuestion.get(q);
            answers.add(a != null ? a : Answer.missing(q.id(), missingReason(q, markers.isEmpty())));
        }
        return answers;
    }

    /**
     * Give a question named together with another by one heading ({@code Ans5 & Ans6}) the same answer, unless a
     * marker of its own was found.
     */
    private static void shareCombinedAnswers(List<Marker> markers, Map<Question, List<Cell>> regions,
            Map<Question, Answer> byQuestion) {
        for (Marker mk : markers) {
            Answer first = byQuestion.get(mk.question());
            for (Question other : mk.also()) {
                if (byQuestion.get(other) != null || first == null || !first.found()) {
                    continue;
                }
                byQuestion.put(other, new Answer(other.id(), true, mk.how() + " (answered together with "
                        + mk.question().id() + ")", regions.getOrDefault(mk.question(), List.of()), List.of()));
            }
        }
    }

    private static void add(Map<Question, List<Cell>> regions, List<Cell> unassigned, Question q, Cell c) {
        if (c == null || c.isBlank()) {
            return;
        }
        if (q == null) {
            unassigned.add(c);
        } else {
            regions.computeIfAbsent(q, k -> new ArrayList<>()).add(c);
        }
    }

    private static Cell piece(Cell c, String[] src, int from, int to) {
        List<String> text = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            text.add(src[i]);
            lines.add(c.fileLine(i + 1));
        }
        if (text.isEmpty()) {
            return null;
        }
        return new Cell(c.index(), c.kind(), String.join("\n", text), lines, c.file());
    }

    /** Tell whether a region holds more than its marker line (a long marker line may hold the answer too). */
    private static boolean hasContent(List<Cell> region, Marker mk, Question q) {
        boolean markerLine = true;
        for (Cell c : region) {
            for (String raw : c.source().split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!markerLine && !QuestionText.repeats(line, q) || QuestionText.words(line).size() >= QuestionText.words(q.text()).size() + 8) {
                    return true;
                }
                markerLine = false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ markers

    private static final Pattern NUMBERED_ITEM = Pattern.compile("^\\s*(?:\\*\\*|__)?0*(\\d{1,2})\\s*[.)]\\s*\\S");

    /**
     * Find the answers of a notebook that lists its questions together in one cell and answers them below by
     * number ("1. ...", "2. ..."): each numbered item, in order, starts its question's answer.
     */
    private List<Marker> answersByNumber(List<Cell> cells, List<Marker> markers) {
        Map<Integer, List<Marker>> byCell = new LinkedHashMap<>();
        for (Marker mk : markers) {
            byCell.computeIfAbsent(mk.cell(), k -> new ArrayList<>()).add(mk);
        }
        int listCell = -1;
        for (Map.Entry<Integer, List<Marker>> e : byCell.entrySet()) {
            Cell c = cells.get(e.getKey());
            if (c.kind() != CellKind.CODE && e.getValue().size() >= 3 && onlyQuestions(c, e.getValue())) {
                listCell = e.getKey();
                break;
            }
        }
        if (listCell < 0) {
            return markers;
        }
        Set<Question> listed = new HashSet<>();
        byCell.get(listCell).forEach(mk -> listed.add(mk.question()));
        List<Marker> found = new ArrayList<>();
        int last = 0;
        for (int ci = listCell + 1; ci < cells.size(); ci++) {
            Cell c = cells.get(ci);
            if (c.kind() == CellKind.CODE || c.kind() == CellKind.MARKDOWN_CODE) {
                continue;
            }
            String[] src = c.source().split("\n", -1);
            for (int li = 0; li < src.length; li++) {
                Matcher m = NUMBERED_ITEM.matcher(src[li]);
                if (!m.find()) {
                    continue;
                }
                Question q = question(Integer.parseInt(m.group(1)));
                if (q != null && listed.contains(q) && q.number() > last) {
                    found.add(new Marker(ci, li, q, "'" + shorten(src[li].strip()) + "' at " + where(c, li)
                            + ", answering the list of questions at " + where(cells.get(listCell), 0), null));
                    last = q.number();
                }
            }
        }
        if (found.size() < 2) {
            return markers;
        }
        List<Marker> out = new ArrayList<>(markers);
        out.addAll(found);
        out.sort(Comparator.comparingInt(Marker::cell).thenComparingInt(Marker::line));
        return out;
    }

    /** Tell a cell that only lists questions: between its markers, nothing but the questions' own words. */
    private static boolean onlyQuestions(Cell c, List<Marker> ms) {
        String[] src = c.source().split("\n", -1);
        Question current = null;
        int m = 0;
        for (int li = 0; li < src.length; li++) {
            while (m < ms.size() && ms.get(m).line() == li) {
                current = ms.get(m++).question();
            }
            String line = src[li].strip();
            if (line.isEmpty() || current == null) {
                continue;
            }
            boolean marker = m > 0 && ms.get(m - 1).line() == li;
            if (!marker && !QuestionText.repeats(line, current)) {
                return false;
            }
        }
        return true;
    }

    private List<Marker> findMarkers(List<Cell> cells) {
        List<Marker> out = new ArrayList<>();
        int lastNumber = 0;
        Question current = null;
        for (int ci = 0; ci < cells.size(); ci++) {
            Cell c = cells.get(ci);
            if (c.kind() == CellKind.MARKDOWN_CODE) {
                continue; // its markdown cell, just before it, was read already
            }
            String[] src = c.source().split("\n", -1);
            boolean code = c.kind() == CellKind.CODE;
            int[] stringStart = code ? stringStarts(src) : null;
            boolean atStart = true;
            for (int li = 0; li < src.length; li++) {
                String s = src[li].strip();
                if (s.isEmpty()) {
                    continue;
                }
                boolean first = atStart;
                atStart = false;
                if (code) {
                    boolean inString = stringStart[li] >= 0;
                    Matcher printed = PRINTED.matcher(s);
                    if (!inString && printed.lookingAt()) {
                        // the question printed by the code: print("Q4. What is a multiprocessing pool?")
                        s = printed.group(1).replace("\\n", " ").strip();
                    } else if (!inString && !s.startsWith("#") && !(first && NUMBER_ONLY.matcher(s).matches())) {
                        continue;
                    }
                    if (inString && stringStart[li] == li) {
                        s = OPENING_QUOTES.matcher(s).replaceFirst("");
                    }
                    if (inString) {
                        s = s.replace("\"\"\"", " ").replace("'''", " ").strip();
                    }
                }
                boolean inStringBody = code && stringStart[li] >= 0 && stringStart[li] != li;
                Marker mk = marker(ci, li, c, s, li + 1 < src.length ? src[li + 1] : "", lastNumber, first,
                        inStringBody);
                if (mk == null || mk.question() == current) {
                    continue;
                }
                // a marker inside a string of code splits the cell where the string opens, not inside it
                if (code && stringStart[li] >= 0) {
                    mk = mk.splitAt(stringStart[li]);
                }
                out.add(mk);
                current = mk.question();
                lastNumber = Math.max(lastNumber, mk.question().number());
                for (Question q : mk.also()) {
                    lastNumber = Math.max(lastNumber, q.number());
                }
            }
        }
        return out;
    }

    private static final Pattern PRINTED = Pattern.compile(
            "print\\s*\\(\\s*[rRuUfF]?(?:\"\"\"|\'\'\'|\"|')([^\"']*)");
    private static final Pattern OPENING_QUOTES = Pattern.compile("^[rRuUbBfF]{0,2}(\"\"\"|''')");
    /** A number alone ({@code 6.}, {@code 6)}): valid Python, and how some students number the answers in code cells. */
    private static final Pattern NUMBER_ONLY = Pattern.compile("^0*\\d{1,2}\\s*[.)]$");

    /**
     * For each line of code, return the line where the triple-quoted string it is in (or opens) starts, or -1 when
     * the line starts outside such a string.
     */
    static int[] stringStarts(String[] lines) {
        int[] out = new int[lines.length];
        String open = null;
        int openLine = -1;
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            out[li] = open != null ? openLine : -1;
            if (open == null && OPENING_QUOTES.matcher(line.strip()).find()) {
                out[li] = li;
            }
            int i = 0;
            while (i < line.length()) {
                char ch = line.charAt(i);
                if (open != null) {
                    if (ch == '\\') {
                        i += 2;
                    } else if (line.startsWith(open, i)) {
                        open = null;
                        i += 3;
                    } else {
                        i++;
                    }
                } else if (ch == '#') {
                    break;
                } else if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
                    open = line.substring(i, i + 3);
                    openLine = li;
                    i += 3;
                } else if (ch == '"' || ch == '\'') {
                    int j = i + 1;
                    while (j < line.length() && line.charAt(j) != ch) {
                        j += line.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
        }
        return out;
    }

    private Marker marker(int ci, int li, Cell c, String line, String nextLine, int lastNumber, boolean cellStart,
            boolean inStringBody) {
        if (line.isEmpty() || line.matches("(?i)^in\\s*\\[.*")) {
            return null;
        }
        boolean heading = line.startsWith("#") || line.startsWith("**") || line.startsWith("<") || line.startsWith("__");
        String text = DECORATION.matcher(line).replaceFirst("");
        String where = where(c, li);
        int labelled = 0;
        String labelText = null;
        for (Question q : questions) {
            if (!q.patterns().isEmpty()) {
                for (String p : q.patterns()) {
                    if (Pattern.compile(p, Pattern.CASE_INSENSITIVE).matcher(line).find()) {
                        return new Marker(ci, li, q, "'" + shorten(line) + "' at " + where, null);
                    }
                }
            }
        }
        List<Question> also = new ArrayList<>();
        Matcher lm = LABEL.matcher(text);
        if (lm.lookingAt()) {
            labelled = Integer.parseInt(lm.group(1));
            labelText = text.substring(0, lm.end()).strip();
            // one heading for two answers: "Ans5 & Ans6", "Q5 and Q6"
            Matcher more = MORE_LABELS.matcher(text.substring(lm.end()));
            if (more.lookingAt() && question(Integer.parseInt(more.group(1))) != null
                    && Integer.parseInt(more.group(1)) != labelled) {
                also.add(question(Integer.parseInt(more.group(1))));
                labelText = text.substring(0, lm.end() + more.end()).strip();
            }
        } else if ((heading && line.startsWith("#") && c.kind() != CellKind.CODE) || cellStart) {
            // a number alone as a heading, or alone at the start of a cell: "# 3.", "##5", "6."
            Matcher b = BARE_NUMBER.matcher(text);
            if (b.matches() && b.group(2).isBlank()) {
                int n = Integer.parseInt(b.group(1));
                if (n > lastNumber && question(n) != null) {
                    labelled = n;
                    labelText = text.strip();
                }
            }
        }
        // the question's own text: on this line, or over this line and the next. Inside code, a comment or string
        // without a label must carry most of the question ("# create a pool with 4 worker processes" is no heading)
        boolean inCode = c.kind() == CellKind.CODE;
        Question byText = null;
        // a string's later lines are its text: only a labelled one, or a question, may be a heading
        // a numbered line opening a markdown cell may be the question pasted with its number: "4. Write a python
        // program ..."; only its text makes it a heading (a cell may open with a list item: "1. activeCount()")
        boolean numbered = cellStart && !inCode && NUMBERED_ITEM.matcher(line).find();
        if (labelled != 0 || heading || numbered || line.endsWith("?") || inCode && !inStringBody) {
            byText = texts.match(text, inCode && labelled == 0);
            if (byText == null && !nextLine.isBlank() && (labelled != 0 || numbered)) {
                byText = texts.match(text + " " + DECORATION.matcher(nextLine.strip()).replaceFirst(""), false);
            }
            if (byText == null && numbered) {
                // the question's own list, on the lines below it: "Explain the following functions:" "1. run()" ...
                byText = texts.match(text + " " + following(c, li, 4), false);
            }
        }
        Question byNumber = labelled == 0 ? null : question(labelled);
        if (byText != null) {
            Note note = null;
            if (byNumber != null && byNumber != byText) {
                note = new Note(c.file(), c.fileLine(li + 1), "labelled '" + labelText + "' but the text is that of "
                        + byText.id() + ": graded as " + byText.id());
            }
            String how = labelText != null ? "'" + labelText + "' with the question's text at " + where
                    : "the question's text at " + where;
            return new Marker(ci, li, byText, how, note, also.contains(byText) ? List.of() : also);
        }
        if (byNumber != null) {
            if (!byNumber.patterns().isEmpty()) {
                return null;
            }
            return new Marker(ci, li, byNumber, "'" + labelText + "' at " + where, null, also);
        }
        return null;
    }

    /** Return the next lines of a cell after one, up to n that are not blank, without their decoration. */
    private static String following(Cell c, int li, int n) {
        StringBuilder sb = new StringBuilder();
        String[] src = c.source().split("\n", -1);
        for (int i = li + 1; i < src.length && n > 0; i++) {
            if (!src[i].isBlank()) {
                sb.append(' ').append(DECORATION.matcher(src[i].strip()).replaceFirst(""));
                n--;
            }
        }
        return sb.toString();
    }

    private Question question(int number) {
        for (Question q : questions) {
            if (q.number() == number) {
                return q;
            }
        }
        return null;
    }

    private static String where(Cell c, int li) {
        int line = c.fileLine(li + 1);
        int cell = c.file().lastIndexOf(" cell ");
        if (line <= 0) {
            return c.file();
        }
        return cell >= 0 ? c.file().substring(cell + 1) + ", line " + line : "line " + line;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    // ------------------------------------------------------------------ fallback by what the code does

    private void fallback(List<Cell> cells, List<Marker> markers, Map<Question, List<Cell>> regions,
            Map<Question, Answer> answers, List<Cell> unassigned) {
        Set<Cell> used = new HashSet<>();
        for (Question q : questions) {
            Answer a = answers.get(q);
            if (a != null && a.found() && (q.kind() != Question.Kind.CODE || !a.codeCells().isEmpty())) {
                used.addAll(a.codeCells());
            }
        }
        if (markers.isEmpty()) {
            noMarkers(cells, answers);
            return;
        }
        // a code answer with no code of its own: an unheaded cell elsewhere that does what it asks
        for (Question q : questions) {
            Answer a = answers.get(q);
            if (q.kind() != Question.Kind.CODE || q.detect() == null || q.detect().isBlank()
                    || (a != null && a.found() && !a.codeCells().isEmpty())) {
                continue;
            }
            Cell pick = null;
            String from = null;
            for (Cell c : unassigned) {
                if (c.kind() == CellKind.CODE && detects(q.detect(), c.source()) && !used.contains(c)) {
                    pick = c;
                    from = "before the first heading";
                    break;
                }
            }
            if (pick == null) {
                // an unheaded cell belongs to a later question than the heading above it: look back at the nearest
                // answer found (only: an example under Q4 is not Q6 when Q5 stands between them)
                for (int k = questions.indexOf(q) - 1; k >= 0; k--) {
                    Question other = questions.get(k);
                    Answer oa = answers.get(other);
                    if (oa == null || !oa.found()) {
                        continue;
                    }
                    List<Cell> code = oa.codeCells();
                    boolean anyOwnDetect = other.detect() == null || other.detect().isBlank();
                    // how many of the other answer's cells do what it asks; counted once, not once per cell
                    long own = anyOwnDetect ? 0 : code.stream().filter(x -> detects(other.detect(), x.source())).count();
                    for (int i = 1; i < code.size(); i++) {
                        Cell c = code.get(i);
                        // a cell that also does what the answer above asks is taken only when it is that answer's
                        // last cell: the last code of a notebook, after Q5, that runs a pool of 4 answers Q6
                        if (!detects(q.detect(), c.source()) || detectsOwn(other, c) && i < code.size() - 1) {
                            continue;
                        }
                        boolean othersStillAnswered = anyOwnDetect
                                || own - (detects(other.detect(), c.source()) ? 1 : 0) > 0;
                        if (othersStillAnswered) {
                            pick = c;
                            from = "after " + other.id();
                            List<Cell> rest = new ArrayList<>(oa.cells());
                            rest.remove(c);
                            answers.put(other, new Answer(other.id(), true, oa.how(), rest, oa.notes()));
                            break;
                        }
                    }
                    break;
                }
            }
            if (pick != null) {
                List<Cell> cellsOf = new ArrayList<>();
                if (a != null && a.found()) {
                    cellsOf.addAll(a.cells());
                }
                cellsOf.add(pick);
                used.add(pick);
                answers.put(q, new Answer(q.id(), true, "code " + from + " that " + describe(q.detect())
                        + " (no heading)", cellsOf, List.of(new Note(pick.file(), pick.firstLine(),
                        "no heading marks this cell; it was taken as " + q.id() + " because it " + describe(q.detect())))));
            }
        }
    }

    private static boolean detectsOwn(Question other, Cell c) {
        return other.detect() != null && !other.detect().isBlank() && detects(other.detect(), c.source())
                && !other.detect().equals("process");
    }

    private void noMarkers(List<Cell> cells, Map<Question, Answer> answers) {
        // anchor code questions on the first cell (after the previous anchor) that does what they ask
        Map<Question, Integer> anchor = new LinkedHashMap<>();
        int after = -1;
        for (Question q : questions) {
            if (q.kind() != Question.Kind.CODE) {
                continue;
            }
            for (int i = after + 1; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c.kind() == CellKind.CODE && (q.detect() == null || q.detect().isBlank()
                        || detects(q.detect(), c.source()))) {
                    anchor.put(q, i);
                    after = i;
                    break;
                }
            }
        }
        int start = 0;
        List<Question> pendingProse = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() != Question.Kind.CODE) {
                pendingProse.add(q);
                continue;
            }
            Integer at = anchor.get(q);
            if (at == null) {
                continue;
            }
            // code cells just before the anchor (imports) belong to it; prose before them to the prose questions
            int first = at;
            while (first - 1 >= start && cells.get(first - 1).kind() == CellKind.CODE) {
                first--;
            }
            assignProse(cells, start, first, pendingProse, answers);
            pendingProse.clear();
            List<Cell> mine = new ArrayList<>(cells.subList(first, at + 1));
            answers.put(q, new Answer(q.id(), true, "code that " + describe(q.detect()) + " (no headings in the file)",
                    mine, List.of(new Note(cells.get(at).file(), cells.get(at).firstLine(),
                            "no headings in the file: taken as " + q.id() + " because it " + describe(q.detect())))));
            start = at + 1;
        }
        assignProse(cells, start, cells.size(), pendingProse, answers);
    }

    private static void assignProse(List<Cell> cells, int from, int to, List<Question> qs, Map<Question, Answer> answers) {
        if (qs.isEmpty()) {
            return;
        }
        List<Cell> prose = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (cells.get(i).kind() != CellKind.CODE && cells.get(i).kind() != CellKind.MARKDOWN_CODE) {
                prose.add(cells.get(i));
            }
        }
        if (prose.isEmpty()) {
            return;
        }
        for (int i = 0; i < prose.size(); i++) {
            Question q = qs.get(Math.min(i * qs.size() / prose.size(), qs.size() - 1));
            Answer a = answers.get(q);
            List<Cell> mine = new ArrayList<>(a == null ? List.of() : a.cells());
            mine.add(prose.get(i));
            answers.put(q, new Answer(q.id(), true, "prose in the order of the questions (no headings in the file)",
                    mine, List.of()));
        }
    }

    /** Tell whether code does what a question's {@code detect} asks, by a cheap look at its text. */
    static boolean detects(String detect, String source) {
        StringBuilder sb = new StringBuilder();
        for (String line : source.split("\n")) {
            int hash = line.indexOf('#');
            sb.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        String code = sb.toString();
        switch (detect) {
            case "process":
                return PROCESS.matcher(code).find() && START.matcher(code).find();
            case "pool":
                return POOL.matcher(code).find();
            case "processes4": {
                int starts = 0;
                Matcher m = START.matcher(code);
                while (m.find()) {
                    starts++;
                }
                boolean processes = PROCESS.matcher(code).find();
                return (processes && (starts >= 4 || (starts >= 1 && FOUR.matcher(code).find())))
                        || (POOL.matcher(code).find() && FOUR.matcher(code).find());
            }
            default:
                return false;
        }
    }

    private static String describe(String detect) {
        return switch (detect == null ? "" : detect) {
            case "process" -> "creates and starts a Process";
            case "pool" -> "creates a pool of workers";
            case "processes4" -> "starts 4 processes";
            default -> "holds code";
        };
    }

    private String missingReason(Question q, boolean noMarkers) {
        String looked = q.patterns().isEmpty()
                ? "looked for " + q.id() + ", Question " + q.number() + ", Ans " + q.number() + " and the question's text"
                : "looked for the rubric's patterns " + q.patterns();
        String why = "no heading for " + q.id() + " (" + looked + ")";
        if (q.kind() == Question.Kind.CODE && q.detect() != null && !q.detect().isBlank()) {
            why += " and no code that " + describe(q.detect());
        } else if (noMarkers) {
            why += " and no prose left for it";
        }
        return why;
    }
}

package dev.grader.ingest;

import dev.grader.python.PythonHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read a text or Markdown export of a notebook back into cells.
 *
 * <p>Two styles occur: {@code In [n]:} prompts followed by the code and then, with no delimiter, what
 * the cell printed; and {@code [n]:} prompts opening fenced blocks. Python's own parser decides where
 * code ends. A PDF-to-text export may split a block at a page break and lose the continuation's
 * indentation: the continuation is re-indented by the smallest shift that makes the block parse, and a
 * note says so at the student's lines.
 */
final class TextExport {

    private static final Pattern IN_PROMPT = Pattern.compile("^\\s*In\\s*\\[[\\s\\d*]*\\]\\s*:\\s?(.*)$");
    private static final Pattern BRACKET_PROMPT = Pattern.compile("^\\[[\\s\\d*]*\\]:\\s?(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w+-]*)\\s*$");
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(#{1,6}\\s*\\S|\\*\\*|__\\S|<h[1-6]|<b>|<strong>|(Q|Que|Ques|Question|Ans|Answer)\\s*(No)?\\s*[-.:)]*\\s*\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_LIKE = Pattern.compile(
            "^\\s*(import\\s|from\\s+\\S+\\s+import|def\\s|class\\s|if\\s|elif\\s|else\\s*:|for\\s|while\\s|with\\s|"
                    + "try\\s*:|except|finally|return\\b|print\\s*\\(|@|[\\w.\\[\\]]+\\s*[-+*/]?=[^=]|[\\w.]+\\(.*\\)\\s*$|pass\\b).*");
    private static final Pattern TOP_LEVEL_START = Pattern.compile(
            "^(def\\s|class\\s|import\\s|from\\s|if\\s+__name__|@|async\\s+def\\s).*");
    private static final int[] SHIFTS = {4, 8, 12, 16, 1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15};

    private final PythonHelper python;
    private final String name;
    private final String[] lines;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    /** The last code cell made, while only blank lines follow it: a bare fenced block may continue it. */
    private int openCode = -1;
    private boolean sawPrompt;

    TextExport(PythonHelper python, String name, String text) {
        this.python = python;
        this.name = name;
        this.lines = text.split("\n", -1);
    }

    Ingestor.Parsed parse() {
        int i = 0;
        List<String> prose = new ArrayList<>();
        List<Integer> proseLines = new ArrayList<>();
        while (i < lines.length) {
            String line = lines[i];
            Matcher in = IN_PROMPT.matcher(line);
            Matcher fence = FENCE.matcher(line);
            if (in.matches()) {
                flushProse(prose, proseLines);
                sawPrompt = true;
                i = inPromptCell(i, in.group(1));
                continue;
            }
            if (fence.matches()) {
                flushProse(prose, proseLines);
                i = fencedBlock(i, fence.group(1));
                continue;
            }
            Matcher br = BRACKET_PROMPT.matcher(line);
            String text = br.matches() ? br.group(1) : line;
            if (br.matches()) {
                flushProse(prose, proseLines);
            }
            if (text.isBlank()) {
                flushProse(prose, proseLines);
            } else {
                openCode = -1;
                prose.add(text);
                proseLines.add(i + 1);
            }
            i++;
        }
        flushProse(prose, proseLines);
        String format = sawPrompt ? "text-export" : "text";
        if (name.toLowerCase().endsWith(".md") || name.toLowerCase().endsWith(".markdown")) {
            format = sawPrompt ? "md-export" : "md";
        }
        return new Ingestor.Parsed(format, cells, notes, null);
    }

    private void flushProse(List<String> prose, List<Integer> proseLines) {
        if (!prose.isEmpty()) {
            cells.add(new Cell(0, CellKind.MARKDOWN, String.join("\n", prose), List.copyOf(proseLines), name));
            prose.clear();
            proseLines.clear();
        }
    }

    /** Read an {@code In [n]:} cell: code up to where Python stops parsing it, then output, then prose. */
    private int inPromptCell(int prompt, String sameLine) {
        int end = prompt + 1;
        while (end < lines.length && !IN_PROMPT.matcher(lines[end]).matches() && !FENCE.matcher(lines[end]).matches()
                && !BRACKET_PROMPT.matcher(lines[end]).matches()) {
            end++;
        }
        List<Para> paras = new ArrayList<>();
        Para cur = null;
        if (!sameLine.isBlank()) {
            cur = new Para();
            cur.add(sameLine, prompt + 1);
        }
        for (int k = prompt + 1; k < end; k++) {
            if (lines[k].isBlank()) {
                if (cur != null) {
                    paras.add(cur);
                    cur = null;
                }
                continue;
            }
            if (cur == null) {
                cur = new Para();
                cur.blankBefore = k - 1;
            }
            cur.add(lines[k], k + 1);
        }
        if (cur != null) {
            paras.add(cur);
        }
        if (paras.isEmpty()) {
            openCode = -1;
            return end;
        }
        int taken = 1;
        PythonHelper.ParseOutcome state = python.parse(join(paras, 0, 1));
        while (taken < paras.size()) {
            Para next = paras.get(taken);
            boolean accept;
            if (!state.ok() && state.incomplete()) {
                accept = !HEADING.matcher(next.text.get(0)).lookingAt() || next.text.get(0).startsWith("#");
            } else if (state.ok()) {
                PythonHelper.ParseOutcome alone = python.parse(next.joined());
                PythonHelper.ParseOutcome joined = python.parse(join(paras, 0, taken + 1));
                boolean comments = alone.ok() && alone.statements() == 0;
                accept = joined.ok() && (comments || (!alone.outputLike() && looksLikeCode(next)))
                        || (!joined.ok() && !alone.outputLike() && looksLikeCode(next) && mostlyCode(next));
            } else {
                accept = mostlyCode(next);
            }
            if (!accept) {
                break;
            }
            taken++;
            state = python.parse(join(paras, 0, taken));
        }
        // comment-only paragraphs at the end belong to the prose that follows (a "### Q4" heading)
        while (taken > 1) {
            PythonHelper.ParseOutcome last = python.parse(paras.get(taken - 1).joined());
            if (last.ok() && last.statements() == 0 && HEADING.matcher(paras.get(taken - 1).text.get(0)).lookingAt()) {
                taken--;
            } else {
                break;
            }
        }
        List<String> code = new ArrayList<>();
        List<Integer> nums = new ArrayList<>();
        for (int p = 0; p < taken; p++) {
            Para para = paras.get(p);
            if (p > 0) {
                int from = paras.get(p - 1).lines.get(paras.get(p - 1).lines.size() - 1);
                for (int blank = from + 1; blank < para.lines.get(0); blank++) {
                    code.add(lines[blank - 1].isBlank() ? "" : lines[blank - 1]);
                    nums.add(blank);
                }
            }
            code.addAll(para.text);
            nums.addAll(para.lines);
        }
        cells.add(new Cell(0, CellKind.CODE, String.join("\n", code), nums, name));
        openCode = -1;
        // what follows the code: first what the cell printed, then prose from the first heading on
        boolean proseStarted = false;
        for (int p = taken; p < paras.size(); p++) {
            Para para = paras.get(p);
            if (!proseStarted && (HEADING.matcher(para.text.get(0)).lookingAt()
                    || (p > taken && para.text.stream().anyMatch(l -> l.strip().split("\\s+").length >= 12)))) {
                proseStarted = true;
            }
            if (proseStarted) {
                cells.add(new Cell(0, CellKind.MARKDOWN, String.join("\n", para.text), para.lines, name));
            }
        }
        return end;
    }

    /** Read a fenced block: code after a {@code [n]:} prompt, a page-break continuation, or output. */
    private int fencedBlock(int open, String lang) {
        int close = open + 1;
        while (close < lines.length && !FENCE.matcher(lines[close]).matches()) {
            close++;
        }
        List<String> body = new ArrayList<>();
        List<Integer> nums = new ArrayList<>();
        boolean prompted = false;
        for (int k = open + 1; k < close; k++) {
            String l = lines[k];
            if (!prompted && body.stream().allMatch(String::isBlank)) {
                Matcher br = BRACKET_PROMPT.matcher(l);
                Matcher in = IN_PROMPT.matcher(l);
                if (br.matches()) {
                    prompted = true;
                    l = br.group(1);
                } else if (in.matches()) {
                    prompted = true;
                    l = in.group(1);
                }
            }
            body.add(l);
            nums.add(k + 1);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
            nums.remove(nums.size() - 1);
        }
        int next = Math.min(close + 1, lines.length);
        if (prompted) {
            sawPrompt = true;
        }
        String text = String.join("\n", body);
        if (text.isBlank()) {
            return next;
        }
        if (!prompted && openCode >= 0) {
            if (continuation(text, body, nums)) {
                return next;
            }
            openCode = -1;
            return next; // what the cell printed
        }
        if (prompted || isPythonLang(lang)) {
            cells.add(new Cell(0, CellKind.CODE, text, nums, name));
            openCode = cells.size() - 1;
            return next;
        }
        PythonHelper.ParseOutcome p = python.parse(text);
        if (p.ok() && p.statements() > 0 && !p.outputLike()) {
            cells.add(new Cell(0, CellKind.CODE, text, nums, name));
            openCode = cells.size() - 1;
        } else {
            cells.add(new Cell(0, CellKind.MARKDOWN, text, nums, name));
            openCode = -1;
        }
        return next;
    }

    private static boolean isPythonLang(String lang) {
        return lang != null && lang.toLowerCase().matches("python3?|py|ipython3?");
    }

    /** Join a bare fenced block to the open code cell when it continues it; return whether it did. */
    private boolean continuation(String text, List<String> body, List<Integer> nums) {
        Cell prev = cells.get(openCode);
        PythonHelper.ParseOutcome before = python.parse(prev.source());
        PythonHelper.ParseOutcome alone = python.parse(text);
        boolean incomplete = !before.ok() && before.incomplete();
        boolean codeOnItsOwn = alone.ok() && alone.statements() > 0 && !alone.outputLike()
                && body.stream().filter(l -> !l.isBlank()).anyMatch(l -> CODE_LIKE.matcher(l).matches());
        if (!incomplete && !(before.ok() && codeOnItsOwn)) {
            return false;
        }
        List<String> joinedLines = new ArrayList<>(List.of(prev.source().split("\n", -1)));
        List<Integer> joinedNums = new ArrayList<>(prev.lines());
        String direct = prev.source() + "\n" + text;
        if (python.parse(direct).ok() || !incomplete) {
            joinedLines.addAll(body);
            joinedNums.addAll(nums);
            replaceOpen(joinedLines, joinedNums);
            return true;
        }
        // the continuation lost its indentation: shift its leading run until the block parses
        int run = 0;
        while (run < body.size() && !(run > 0 && TOP_LEVEL_START.matcher(body.get(run)).matches())) {
            run++;
        }
        for (int shift : SHIFTS) {
            List<String> shifted = new ArrayList<>();
            for (int k = 0; k < body.size(); k++) {
                String l = body.get(k);
                shifted.add(k < run && !l.isBlank() ? " ".repeat(shift) + l : l);
            }
            String candidate = prev.source() + "\n" + String.join("\n", shifted);
            if (python.parse(candidate).ok()) {
                joinedLines.addAll(shifted);
                joinedNums.addAll(nums);
                replaceOpen(joinedLines, joinedNums);
                int first = firstNonBlank(body, nums, 0, run);
                int last = lastNonBlank(body, nums, run);
                notes.add(new Note(name, first, "line" + (first == last ? " " + first : "s " + first + "-" + last)
                        + " continue the code block split by a page break; indentation restored by " + shift
                        + " column" + (shift == 1 ? "" : "s")));
                return true;
            }
        }
        int first = firstNonBlank(body, nums, 0, body.size());
        int last = lastNonBlank(body, nums, body.size());
        notes.add(new Note(name, first, "lines " + first + "-" + last
                + " seem to continue the code block split by a page break, but no indentation makes it valid Python:"
                + " they were not recovered"));
        openCode = -1;
        return true;
    }

    private static int firstNonBlank(List<String> body, List<Integer> nums, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!body.get(k).isBlank()) {
                return nums.get(k);
            }
        }
        return nums.get(from);
    }

    private static int lastNonBlank(List<String> body, List<Integer> nums, int to) {
        for (int k = to - 1; k >= 0; k--) {
            if (!body.get(k).isBlank()) {
                return nums.get(k);
            }
        }
        return nums.get(0);
    }

    private void replaceOpen(List<String> src, List<Integer> nums) {
        Cell prev = cells.get(openCode);
        cells.set(openCode, new Cell(0, CellKind.CODE, String.join("\n", src), nums, prev.file()));
    }

    private static boolean looksLikeCode(Para p) {
        return p.text.stream().anyMatch(l -> l.startsWith(" ") || l.startsWith("\t") || CODE_LIKE.matcher(l).matches());
    }

    private static boolean mostlyCode(Para p) {
        long code = p.text.stream().filter(l -> l.startsWith(" ") || l.startsWith("\t") || CODE_LIKE.matcher(l).matches()
                || l.strip().startsWith("#")).count();
        return code * 2 > p.text.size();
    }

    private static String join(List<Para> paras, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int prevLast = -1;
        for (int p = from; p < to; p++) {
            Para para = paras.get(p);
            if (prevLast >= 0) {
                for (int blank = prevLast + 1; blank < para.lines.get(0); blank++) {
                    sb.append('\n');
                }
            }
            for (String l : para.text) {
                sb.append(l).append('\n');
            }
            prevLast = para.lines.get(para.lines.size() - 1);
        }
        return sb.toString();
    }

    /** Hold a run of non-blank lines of an export with their line numbers. */
    private static final class Para {
        final List<String> text = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        int blankBefore;

        void add(String line, int number) {
            text.add(line);
            lines.add(number);
        }

        String joined() {
            return String.join("\n", text) + "\n";
        }
    }
}

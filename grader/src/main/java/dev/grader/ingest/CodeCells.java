package dev.grader.ingest;

import dev.grader.python.PythonHelper;
import dev.grader.python.PythonHelper.CellOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Read each code cell of a submission as Jupyter runs it, and tell the prose typed into a code cell from its code.
 *
 * <p>IPython's syntax ({@code %magic}, {@code !shell}, {@code x?}, an indented first line) becomes the Python
 * Jupyter runs, line for line. A cell that compiles only without its prose (a pasted answer with an explanation
 * around its code, a label such as {@code Ans3.} in front of the code) is split: its prose becomes
 * {@link CellKind#PROSE_IN_CODE} pieces, where headings are found as in markdown, and its code runs without them. A
 * cell that is prose alone becomes one such piece. Every piece keeps the student's line numbers.
 */
final class CodeCells {

    private final PythonHelper python;

    CodeCells(PythonHelper python) {
        this.python = python;
    }

    /** Return the cells with every code cell read as it runs, in document order. */
    List<Cell> read(List<Cell> cells) {
        List<Cell> out = new ArrayList<>();
        Set<String> bound = new LinkedHashSet<>();
        for (Cell c : cells) {
            if (c.kind() != CellKind.CODE || c.isBlank()) {
                out.add(c);
                continue;
            }
            CellOutcome o = python.cell(c.source(), bound);
            bound.addAll(o.binds());
            switch (o.kind()) {
                case "prose" -> out.add(new Cell(c.index(), CellKind.PROSE_IN_CODE, c.source(), c.lines(), c.file()));
                case "mixed", "broken" -> out.addAll(split(c, o));
                default -> out.add(o.source().equals(c.source()) ? c
                        : new Cell(c.index(), CellKind.CODE, o.source(), linesOf(c, o.source()), c.file()));
            }
        }
        return out;
    }

    /** Lines that start code: what a markdown cell holding pasted code has, and prose rarely has. */
    private static final Pattern CODE_START = Pattern.compile(
            "(?m)^\\s*(import \\w|from [\\w.]+ import |def \\w+\\s*\\(|class \\w+|if __name__|with \\w[\\w.]*\\(|"
                    + "for \\w+ in |\\w+ = [\\w.]+\\(|\\w+\\.(start|join|map|close)\\()");

    private static final Pattern QUOTES_LINE = Pattern.compile("(?m)^[ \\t]*[rRbBuU]?(\"\"\"|\'\'\')[ \\t]*$");

    /**
     * Return the code pasted into a markdown or raw cell (given as a code cell), without its prose; empty when the
     * cell holds no code that compiles.
     */
    List<Cell> pasted(Cell c) {
        if (!CODE_START.matcher(c.source()).find()) {
            return List.of();
        }
        // quotes alone on a line, around the prose or the code, are markdown's text here, not strings
        String text = QUOTES_LINE.matcher(c.source()).replaceAll("");
        c = new Cell(c.index(), c.kind(), text, c.lines(), c.file());
        CellOutcome o = python.cell(text, List.of());
        List<Cell> pieces = switch (o.kind()) {
            case "code" -> List.of(c);
            case "mixed" -> split(c, o);
            default -> List.of();
        };
        return pieces.stream().filter(p -> p.kind() == CellKind.CODE && CODE_START.matcher(p.source()).find()).toList();
    }

    /** Keep the cell's line numbers for a source of as many lines (the helper never adds or drops one). */
    private static List<Integer> linesOf(Cell c, String source) {
        int n = source.split("\n", -1).length;
        return n == c.lines().size() ? c.lines() : c.lines().subList(0, Math.min(n, c.lines().size()));
    }

    /**
     * Split a cell into code and prose pieces. A run of prose between two top-level statements separates two
     * pieces of code; prose inside a statement (between the lines of a block) stays out of the code as empty
     * lines, and follows the code as prose.
     */
    private static List<Cell> split(Cell c, CellOutcome o) {
        String[] original = c.source().split("\n", -1);
        String[] code = o.source().split("\n", -1);
        int n = Math.min(original.length, code.length);
        Set<Integer> prose = new HashSet<>();
        o.prose().forEach(l -> prose.add(l - 1));
        Set<Integer> relabelled = new HashSet<>();
        o.relabelled().forEach(l -> relabelled.add(l - 1));
        boolean[] inside = new boolean[n];
        if (o.kind().equals("mixed")) {
            for (int[] t : o.top()) {
                for (int i = t[0]; i < t[1] && i < n; i++) {
                    inside[i] = true; // lines after a statement's first, up to its last
                }
            }
        } else {
            // a broken cell has no tree: prose followed by a line of code that is not indented separates pieces
            for (int i = 0; i < n; i++) {
                inside[i] = prose.contains(i) && indentedCodeFollows(original, prose, i);
            }
        }
        List<Cell> out = new ArrayList<>();
        Piece piece = new Piece(c, CellKind.CODE);
        List<Cell> after = new ArrayList<>();
        Piece proseRun = null;
        for (int i = 0; i < n; i++) {
            if (prose.contains(i) && !inside[i]) {
                if (proseRun == null) {
                    piece.flushTo(out);
                    out.addAll(after);
                    after.clear();
                    piece = new Piece(c, CellKind.CODE);
                    proseRun = new Piece(c, CellKind.PROSE_IN_CODE);
                }
                proseRun.add(i, original[i]);
                continue;
            }
            if (proseRun != null && !original[i].isBlank()) {
                proseRun.flushTo(out);
                proseRun = null;
            }
            if (prose.contains(i)) {
                piece.add(i, "");
                Piece inner = new Piece(c, CellKind.PROSE_IN_CODE);
                inner.add(i, original[i]);
                inner.flushTo(after);
                continue;
            }
            if (relabelled.contains(i)) {
                // the label before the code, as prose: "Ans3." may be the answer's only heading
                String label = original[i].substring(0, Math.max(0, original[i].length() - code[i].length()));
                Piece l = new Piece(c, CellKind.PROSE_IN_CODE);
                l.add(i, label.strip());
                if (piece.isBlank()) {
                    l.flushTo(out);
                } else {
                    l.flushTo(after);
                }
            }
            if (proseRun != null) {
                proseRun.add(i, original[i]);
            } else {
                piece.add(i, code[i]);
            }
        }
        if (proseRun != null) {
            proseRun.flushTo(out);
        }
        piece.flushTo(out);
        out.addAll(after);
        return out;
    }

    private static boolean indentedCodeFollows(String[] lines, Set<Integer> prose, int from) {
        for (int j = from + 1; j < lines.length; j++) {
            if (lines[j].isBlank() || prose.contains(j)) {
                continue;
            }
            return Character.isWhitespace(lines[j].charAt(0));
        }
        return false;
    }

    /** Gather the lines of one piece of a cell. */
    private static final class Piece {
        private final Cell cell;
        private final CellKind kind;
        private final List<String> text = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();

        Piece(Cell cell, CellKind kind) {
            this.cell = cell;
            this.kind = kind;
        }

        void add(int row, String line) {
            text.add(line);
            lines.add(cell.fileLine(row + 1));
        }

        boolean isBlank() {
            return text.stream().allMatch(String::isBlank);
        }

        void flushTo(List<Cell> out) {
            while (!text.isEmpty() && text.get(text.size() - 1).isBlank()) {
                text.remove(text.size() - 1);
                lines.remove(lines.size() - 1);
            }
            if (!isBlank()) {
                out.add(new Cell(cell.index(), kind, String.join("\n", text), List.copyOf(lines), cell.file()));
            }
        }
    }
}

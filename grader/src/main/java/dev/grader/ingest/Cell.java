package dev.grader.ingest;

import java.util.List;

/**
 * Hold one cell of a submission with the line in the student's file where each of its lines came from.
 *
 * @param index position of the cell in the submission, from 0
 * @param kind what the cell holds
 * @param source the cell's text, lines separated by {@code \n}
 * @param lines for each line of {@code source}, its 1-based line in {@code file}; 0 for a line the
 *     grader made up (never shown as the student's)
 * @param file the file inside the submission the cell came from (relative, for messages)
 */
public record Cell(int index, CellKind kind, String source, List<Integer> lines, String file) {

    public Cell {
        lines = List.copyOf(lines);
    }

    /** Return the student's line for a 1-based line of this cell's source, or 0 when unknown. */
    public int fileLine(int cellLine) {
        if (cellLine < 1 || cellLine > lines.size()) {
            return 0;
        }
        return lines.get(cellLine - 1);
    }

    /** Return the first student line of the cell, or 0 when unknown. */
    public int firstLine() {
        return lines.stream().filter(l -> l > 0).findFirst().orElse(0);
    }

    /** Return true when the cell holds nothing but whitespace. */
    public boolean isBlank() {
        return source.isBlank();
    }
}

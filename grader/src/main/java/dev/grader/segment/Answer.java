package dev.grader.segment;

import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Note;
import java.util.List;

/**
 * Hold the part of a submission that answers one question.
 *
 * @param questionId the rubric's question id, e.g. {@code Q3}
 * @param found whether an answer was located
 * @param how how it was located ("heading 'Q3.' at line 40") or, when not found, why not
 * @param cells the answer's cells, prose and code, in document order
 * @param notes what segmenting noticed (misnumbering corrected, fallback used)
 */
public record Answer(String questionId, boolean found, String how, List<Cell> cells, List<Note> notes) {

    public Answer {
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    /** Make the answer of a question that was not found, with the reason. */
    public static Answer missing(String questionId, String reason) {
        return new Answer(questionId, false, reason, List.of(), List.of());
    }

    /** Return the code cells of the answer that are not blank. */
    public List<Cell> codeCells() {
        return cells.stream().filter(c -> c.kind() == CellKind.CODE && !c.isBlank()).toList();
    }

    /** Return the code written in the answer's markdown or raw cells, which never ran. */
    public List<Cell> markdownCode() {
        return cells.stream().filter(c -> c.kind() == CellKind.MARKDOWN_CODE && !c.isBlank()).toList();
    }

    /** Return the prose of the answer: markdown, raw cells and prose typed into code cells, joined by blank lines. */
    public String prose() {
        StringBuilder sb = new StringBuilder();
        for (Cell c : cells) {
            if (c.kind() != CellKind.CODE && c.kind() != CellKind.MARKDOWN_CODE && !c.isBlank()) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(c.source());
            }
        }
        return sb.toString();
    }
}

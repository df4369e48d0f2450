package dev.grader.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Hold one student's submission as cells, whatever format it came in.
 *
 * @param id submission id: the file or folder name without extension
 * @param path where it was read from
 * @param format the format recognised ({@code ipynb}, {@code py}, {@code py-folder}, {@code text-export}, ...)
 * @param cells cells in document order
 * @param notes what ingest repaired or could not recover, at the student's lines
 * @param problem why the submission could not be read at all, or {@code null}
 */
public record Submission(String id, Path path, String format, List<Cell> cells, List<Note> notes, Problem problem) {

    public Submission {
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    /** Make a submission that could not be read, keeping the reason. */
    public static Submission failed(String id, Path path, String status, String reason) {
        return new Submission(id, path, "unknown", List.of(), List.of(), new Problem(status, reason));
    }

    /**
     * Say why a whole submission could not be graded.
     *
     * @param status short machine-readable status: {@code empty}, {@code unreadable}, {@code unsupported}, {@code invalid}
     * @param reason what is wrong, with file and line where known
     */
    public record Problem(String status, String reason) {}
}

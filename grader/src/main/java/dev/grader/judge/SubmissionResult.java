package dev.grader.judge;

import dev.grader.ingest.Note;
import java.util.List;

/**
 * Hold how one submission was graded.
 *
 * @param id submission id
 * @param file where it was read from (as given on the command line)
 * @param format the format recognised
 * @param status {@code graded}, {@code graded_with_errors} (some question crashed, hung or was missing),
 *     {@code empty}, {@code unreadable}, {@code unsupported}, {@code invalid} or {@code grader_error}
 * @param reason why the status is not {@code graded}, or {@code null}
 * @param points points earned
 * @param maxPoints points possible
 * @param questions one result per rubric question, in rubric order
 * @param notes notes about the whole submission
 */
public record SubmissionResult(String id, String file, String format, String status, String reason, double points,
        double maxPoints, List<QuestionResult> questions, List<Note> notes) {

    public SubmissionResult {
        questions = List.copyOf(questions);
        notes = List.copyOf(notes);
    }
}

package dev.grader.judge;

import dev.grader.analyse.Finding;
import dev.grader.ingest.Note;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold how one question of one submission was graded.
 *
 * @param id question id
 * @param title question title
 * @param kind {@code code} or {@code prose}
 * @param status {@code answered}, {@code missing}, {@code syntax_error}, {@code crashed}, {@code timeout},
 *     {@code limit} (the run hit a limit: not graded),
 *     {@code environment} (a module or the interpreter is missing: not graded), {@code grader_error} or {@code ran}
 * @param how how the answer was located, or why it was not found
 * @param points points earned
 * @param maxPoints points possible
 * @param checks outcome of each check
 * @param code the student's code shown in reports, or {@code null} for prose
 * @param run what the program did, or {@code null} when it did not run
 * @param prose the student's prose for the question (may be empty)
 * @param notes notes from ingest, segment and build about this question
 * @param findings misuse found in the code, at the student's lines
 * @param manual the instructor's grade for the question, which replaces the checks' points, or {@code null}
 */
public record QuestionResult(String id, String title, String kind, String status, String how, double points,
        double maxPoints, List<CheckResult> checks, CodeListing code, RunSummary run, String prose, List<Note> notes,
        List<Finding> findings, Manual manual) {

    public QuestionResult {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    /** Make a result graded by its checks only. */
    public QuestionResult(String id, String title, String kind, String status, String how, double points,
            double maxPoints, List<CheckResult> checks, CodeListing code, RunSummary run, String prose,
            List<Note> notes, List<Finding> findings) {
        this(id, title, kind, status, how, points, maxPoints, checks, code, run, prose, notes, findings, null);
    }

    /**
     * Hold an instructor's grade of a question.
     *
     * @param points the points given
     * @param comment why, for the student (may be empty)
     */
    public record Manual(double points, String comment) {}

    /** Return a copy graded by hand: the manual points replace the checks' points. */
    public QuestionResult withManual(Manual m) {
        return new QuestionResult(id, title, kind, status, how, m.points(), maxPoints, checks, code, run, prose, notes,
                findings, m);
    }

    /** Return a copy with more notes. */
    public QuestionResult withNotes(List<Note> more) {
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return new QuestionResult(id, title, kind, status, how, points, maxPoints, checks, code, run, prose, all,
                findings, manual);
    }
}

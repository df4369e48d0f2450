package dev.grader.judge;

import java.util.List;

/**
 * Hold the outcome of one check on one answer.
 *
 * @param id the check's id in the rubric
 * @param type the check's type
 * @param verdict pass, fail, error or skipped
 * @param points points earned
 * @param maxPoints points possible
 * @param feedback what the student reads
 * @param evidence facts the verdict rests on, at the student's lines where possible
 */
public record CheckResult(String id, String type, Verdict verdict, double points, double maxPoints, String feedback,
        List<String> evidence) {

    public CheckResult {
        evidence = List.copyOf(evidence);
    }
}

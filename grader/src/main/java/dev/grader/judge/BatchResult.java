package dev.grader.judge;

import java.time.Instant;
import java.util.List;

/**
 * Hold the grading of a whole batch, submissions sorted by id.
 *
 * @param assignment the rubric's assignment name
 * @param rubricTitle the rubric's title
 * @param rubricVersion the rubric's version
 * @param rubricSource where the rubric was read from
 * @param graderVersion the grader's version
 * @param isolation the isolation every program ran under
 * @param python the interpreter used, with its version
 * @param gradedAt when grading finished
 * @param submissions results, sorted by id
 */
public record BatchResult(String assignment, String rubricTitle, String rubricVersion, String rubricSource,
        String graderVersion, String isolation, String python, Instant gradedAt, List<SubmissionResult> submissions) {

    public BatchResult {
        submissions = List.copyOf(submissions);
    }
}

package dev.grader.rubric;

import java.util.Map;

/**
 * Describe one check of a question: what is checked, its points and its feedback.
 *
 * @param id id of the check within the question (defaults to the check's type)
 * @param type the name of its check type ({@link CheckSpecs} has them all)
 * @param points points when it passes
 * @param params the check's parameters as the rubric gives them, validated against its type's declaration
 * @param passFeedback what the student reads when it passes
 * @param failFeedback what the student reads when it fails
 */
public record Check(String id, String type, double points, Map<String, Object> params, String passFeedback,
        String failFeedback) {

    public Check {
        params = Map.copyOf(params);
    }
}

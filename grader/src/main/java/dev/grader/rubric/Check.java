package dev.grader.rubric;

import java.util.Map;

/**
 * Describe one check of a question: what is checked, its points and its feedback.
 *
 * @param id id of the check within the question (defaults to the check's type)
 * @param type one of the check vocabulary: {@code runs}, {@code process_started}, {@code process_joined},
 *     {@code pool_created}, {@code pool_used}, {@code pool_closed}, {@code processes_started},
 *     {@code children_print}, {@code distinct_outputs}, {@code output_matches}, {@code answered}
 * @param points points when it passes
 * @param params the check's parameters ({@code min}, {@code count}, {@code numbers}, {@code regex}, {@code min_words})
 * @param passFeedback what the student reads when it passes
 * @param failFeedback what the student reads when it fails
 */
public record Check(String id, String type, double points, Map<String, Object> params, String passFeedback,
        String failFeedback) {

    public Check {
        params = Map.copyOf(params);
    }

    /** Return an integer parameter, or the default when absent. */
    public int intParam(String name, int fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** Return a true-or-false parameter, or the default when absent. */
    public boolean boolParam(String name, boolean fallback) {
        Object v = params.get(name);
        return v instanceof Boolean b ? b : fallback;
    }

    /** Return a text parameter, or the default when absent. */
    public String stringParam(String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v.toString();
    }
}

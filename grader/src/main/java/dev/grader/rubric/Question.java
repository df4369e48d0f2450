package dev.grader.rubric;

import java.util.List;
import java.util.Map;

/**
 * Describe one question of a rubric and how it is graded.
 *
 * @param id question id, e.g. {@code Q3}; also the number its headings carry
 * @param number the question's number in the assignment (3 for Q3)
 * @param title short title for reports
 * @param text the question as the students saw it; used to find answers by their text
 * @param kind {@link Kind#CODE} or {@link Kind#PROSE}
 * @param patterns regular expressions that mark the start of this question's answer, replacing the
 *     built-in heading patterns when not empty
 * @param detect what the answer's code does, to find it when nothing marks it: {@code process},
 *     {@code pool}, {@code processes4}, or empty
 * @param stdin standard input for this question's program, or {@code null} for the rubric's default
 * @param checks the checks, in order
 * @param tests the instructor's JUnit 5 test files of a Java question, by name relative to the rubric
 */
public record Question(String id, int number, String title, String text, Kind kind, List<String> patterns,
        String detect, String stdin, List<Check> checks, Map<String, String> tests) {

    public Question {
        patterns = List.copyOf(patterns);
        checks = List.copyOf(checks);
        tests = tests == null ? Map.of() : Map.copyOf(tests);
    }

    /** Make a question without instructor tests. */
    public Question(String id, int number, String title, String text, Kind kind, List<String> patterns,
            String detect, String stdin, List<Check> checks) {
        this(id, number, title, text, kind, patterns, detect, stdin, checks, Map.of());
    }

    /** Return what the question asks, as a student reads it: its text, or its title when it has none. */
    public String prompt() {
        return text == null || text.isBlank() ? title : text.strip();
    }

    /** Return the points of all the question's checks. */
    public double maxPoints() {
        return checks.stream().mapToDouble(Check::points).sum();
    }

    /** Classify a question by what the student hands in. */
    public enum Kind {
        /** Code that is run and checked. */
        CODE,
        /** Written prose. */
        PROSE
    }
}

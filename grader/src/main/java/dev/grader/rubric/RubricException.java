package dev.grader.rubric;

import java.util.List;

/** Signal that a rubric could not be loaded; each problem names the file and line. */
public final class RubricException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong, one entry per problem, each as {@code file:line: message}. */
    private final List<String> problems;

    /** Make the exception from the problems found. */
    public RubricException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Return every problem found, each as {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}

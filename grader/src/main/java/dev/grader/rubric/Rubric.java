package dev.grader.rubric;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hold a validated rubric: the assignment, its defaults and its questions with their checks.
 *
 * @param assignment short name of the assignment
 * @param title human title shown in reports
 * @param language {@code python} or {@code java}
 * @param version rubric version, shown in reports
 * @param source where the rubric was read from (for messages)
 * @param timeout wall-time limit for each program
 * @param stdin what programs read on standard input
 * @param maxOutputBytes bytes kept of each program's stdout and stderr
 * @param questions questions in assignment order
 */
public record Rubric(String assignment, String title, String language, String version, String source,
        Duration timeout, String stdin, long maxOutputBytes, List<Question> questions) {

    public Rubric {
        questions = List.copyOf(questions);
    }

    /** Return the question with this id. */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** Return the points of the whole rubric. */
    public double maxPoints() {
        return questions.stream().mapToDouble(Question::maxPoints).sum();
    }
}

package dev.grader.rubric;

import dev.grader.run.Limits;
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
 * @param limits the limits of each run (wall time, CPU time, memory, processes, file size, output)
 * @param startMethod the multiprocessing start method to grade under, or {@code null} for the platform's
 * @param spawnCheck whether each program also runs under spawn, to report what would break on Windows, macOS
 *     or Python 3.14
 * @param stdin what programs read on standard input
 * @param markdownCode what to do with code written in a notebook's markdown or raw cells, which never ran:
 *     {@code note} (graded as no code, and the student's page says why), {@code ignore} (graded as no code,
 *     silently) or {@code run} (run it as if it were in a code cell)
 * @param questions questions in assignment order
 */
public record Rubric(String assignment, String title, String language, String version, String source,
        Limits limits, String startMethod, boolean spawnCheck, String stdin, String markdownCode,
        List<Question> questions) {

    /** The choices of {@code markdown_code}, the default first. */
    public static final List<String> MARKDOWN_CODE = List.of("note", "ignore", "run");

    public Rubric {
        questions = List.copyOf(questions);
    }

    /** Return the wall-time limit of each program. */
    public Duration timeout() {
        return limits.wallTime();
    }

    /** Return the bytes kept of each program's stdout and stderr. */
    public long maxOutputBytes() {
        return limits.outputBytes();
    }

    /** Return this rubric with other limits and start method (from the command line). */
    public Rubric with(Limits newLimits, String newStartMethod) {
        return new Rubric(assignment, title, language, version, source, newLimits, newStartMethod, spawnCheck, stdin,
                markdownCode, questions);
    }

    /** Return this rubric with the spawn check on or off (from the command line). */
    public Rubric withSpawnCheck(boolean on) {
        return new Rubric(assignment, title, language, version, source, limits, startMethod, on, stdin, markdownCode,
                questions);
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

package dev.grader.lang;

import dev.grader.analyse.Finding;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Submission;
import dev.grader.rubric.Question;
import dev.grader.run.RunSpec;
import dev.grader.segment.Answer;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepare one rubric's submissions of a language for their runs: read, find the answers, build each answer's
 * program, analyse its code, and list its runs. A session may hold a helper process; it is used by one thread.
 */
public interface Session extends AutoCloseable {

    /** Read a submission: a file, or a folder of one student's files. Problems are data on the result. */
    Submission read(Path path);

    /** Find the answer to every question of the rubric, in rubric order. */
    List<Answer> segment(Submission submission);

    /**
     * Build the program of a code answer.
     *
     * @param stdin what the program reads on standard input
     */
    ProgramBuilder.Built build(Submission submission, Answer answer, Question question, String stdin);

    /**
     * Find the misuse in an answer's code, or return {@code null} when the code cannot be analysed (it does not
     * parse).
     */
    List<Finding> analyse(Submission submission, Answer answer, Program program);

    /**
     * List a program's runs: its own, with the key given, then any others under {@code key#role} (the question's
     * instructor tests as {@code tests}; a second start method).
     */
    List<RunSpec> runs(String key, Question question, Program program);

    @Override
    void close();
}

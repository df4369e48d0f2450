package dev.grader.build;

import java.util.List;

/**
 * Hold a runnable program made from one code answer: prelude from earlier cells plus the answer.
 *
 * @param questionId the question the program answers
 * @param source the whole program text
 * @param lineMap for each line of {@code source}, the student's line in {@code file}, 0 for grader-made lines
 * @param file the student's file the lines refer to
 * @param answerStart 1-based program line where the answer's own code starts (after the prelude)
 * @param stdin what the program reads on standard input
 * @param syntaxError the first syntax error of the answer, or {@code null} when it compiles
 */
public record Program(String questionId, String source, List<Integer> lineMap, String file, int answerStart,
        String stdin, SyntaxProblem syntaxError) {

    public Program {
        lineMap = List.copyOf(lineMap);
    }

    /** Return the student's line for a 1-based program line, or 0 when the line is the grader's. */
    public int fileLine(int programLine) {
        if (programLine < 1 || programLine > lineMap.size()) {
            return 0;
        }
        return lineMap.get(programLine - 1);
    }

    /**
     * Describe a syntax error at the student's line.
     *
     * @param line 1-based line in the student's file (0 when unknown)
     * @param column 1-based column, 0 when unknown
     * @param message the parser's message
     */
    public record SyntaxProblem(int line, int column, String message) {}
}

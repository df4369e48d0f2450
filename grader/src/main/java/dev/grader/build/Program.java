package dev.grader.build;

import java.util.List;

/**
 * Hold a runnable program made from one code answer: prelude from earlier cells plus the answer.
 *
 * @param questionId the question the program answers
 * @param source the whole program text
 * @param origins for each line of {@code source}, where the student wrote it; {@link Origin#NONE} for grader lines
 * @param file the student's file (or the first notebook cell) the answer comes from
 * @param answerStart 1-based program line where the answer's own code starts (after the prelude)
 * @param stdin what the program reads on standard input
 * @param syntaxError the first syntax error of the answer, or {@code null} when it compiles
 */
public record Program(String questionId, String source, List<Origin> origins, String file, int answerStart,
        String stdin, SyntaxProblem syntaxError) {

    public Program {
        origins = List.copyOf(origins);
    }

    /** Return the student's line for a 1-based program line, or 0 when the line is the grader's. */
    public int fileLine(int programLine) {
        return origin(programLine).line();
    }

    /** Return where a 1-based program line came from. */
    public Origin origin(int programLine) {
        if (programLine < 1 || programLine > origins.size()) {
            return Origin.NONE;
        }
        return origins.get(programLine - 1);
    }

    /** Return "line 12" or, in a notebook, "cell 5, line 3"; "an unknown line" for grader lines. */
    public String location(int programLine) {
        return origin(programLine).describe();
    }

    /**
     * Say where a line of a program was written.
     *
     * @param file the student's file, with the cell for notebooks ({@code "lab.ipynb cell 5"})
     * @param line 1-based line in that file or cell, 0 for a line the grader made up
     */
    public record Origin(String file, int line) {

        /** The origin of a line the grader made up. */
        public static final Origin NONE = new Origin("", 0);

        /** Return "line 12", "cell 5, line 3" or "an unknown line". */
        public String describe() {
            if (line <= 0) {
                return "an unknown line";
            }
            int cell = file.lastIndexOf(" cell ");
            return cell >= 0 ? file.substring(cell + 1) + ", line " + line : "line " + line;
        }
    }

    /**
     * Describe a syntax error at the student's line.
     *
     * @param origin where the error is
     * @param column 1-based column, 0 when unknown
     * @param message the parser's message
     */
    public record SyntaxProblem(Origin origin, int column, String message) {

        /** Return the student's line, 0 when unknown. */
        public int line() {
            return origin.line();
        }
    }
}

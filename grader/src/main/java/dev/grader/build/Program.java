package dev.grader.build;

import java.util.List;
import java.util.Map;

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
        String stdin, SyntaxProblem syntaxError, Jvm jvm) {

    public Program {
        origins = List.copyOf(origins);
    }

    /** Make a Python program. */
    public Program(String questionId, String source, List<Origin> origins, String file, int answerStart, String stdin,
            SyntaxProblem syntaxError) {
        this(questionId, source, origins, file, answerStart, stdin, syntaxError, null);
    }

    /**
     * Hold what a Java answer runs: its compiled (and instrumented) classes and, when the rubric attaches them,
     * the instructor's compiled tests.
     *
     * @param mainClass the binary name of the class whose {@code main} runs
     * @param classes class files by path ({@code pkg/Q3.class})
     * @param units for each compiled source file's name, the program line its line 1 maps to, minus one
     * @param tests the instructor's test class files by path, empty when the question has none
     * @param testClasses binary names of the test classes to run
     * @param testProblem why the tests could not be compiled against the answer, or {@code null}
     */
    public record Jvm(String mainClass, Map<String, byte[]> classes, Map<String, Integer> units,
            Map<String, byte[]> tests, List<String> testClasses, String testProblem) {

        public Jvm {
            classes = java.util.Map.copyOf(classes);
            units = java.util.Map.copyOf(units);
            tests = java.util.Map.copyOf(tests);
            testClasses = List.copyOf(testClasses);
        }
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
     * @param named whether a location names the file ({@code Q3.java line 12}): where an answer spans files
     */
    public record Origin(String file, int line, boolean named) {

        /** The origin of a line the grader made up. */
        public static final Origin NONE = new Origin("", 0);

        /** Say where a line was written, in a submission whose locations need not name the file. */
        public Origin(String file, int line) {
            this(file, line, false);
        }

        /** Return "line 12", "cell 5, line 3" or "an unknown line". */
        public String describe() {
            if (line <= 0) {
                return "an unknown line";
            }
            if (named) {
                return file.substring(file.lastIndexOf('/') + 1) + " line " + line;
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

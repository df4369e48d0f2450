package dev.grader.judge;

import java.util.List;

/**
 * Hold the student's code of one answer with the student's own line numbers.
 *
 * @param file the student's file
 * @param lines the code lines in order
 */
public record CodeListing(String file, List<Line> lines) {

    public CodeListing {
        lines = List.copyOf(lines);
    }

    /**
     * Hold one line of code.
     *
     * @param number the line's number in the student's file, 0 for a line the grader made up
     * @param text the line's text
     * @param file the file (with the cell in notebooks) the line comes from; empty when it is the listing's
     */
    public record Line(int number, String text, String file) {

        /** Make a line of the listing's own file. */
        public Line(int number, String text) {
            this(number, text, "");
        }
    }
}

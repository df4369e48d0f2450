package dev.grader.ingest;

/**
 * Tell the student or instructor something a stage noticed about a file, at a line.
 *
 * @param file file inside the submission the note is about
 * @param line 1-based line in that file, 0 when the note is about the whole file
 * @param message what was noticed, in plain words
 */
public record Note(String file, int line, String message) {

    /** Render the note as {@code file:line: message}. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}

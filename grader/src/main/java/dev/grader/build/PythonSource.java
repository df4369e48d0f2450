package dev.grader.build;

import java.util.List;

/**
 * Answer questions about Python source with CPython's own parser.
 *
 * <p>The build stage asks only these two questions; the helper process that answers them serves the
 * whole batch.
 */
public interface PythonSource {

    /**
     * Parse source and return the first syntax error, or {@code null} when it compiles.
     *
     * @param source the code, as Jupyter runs it (IPython syntax already turned into calls at ingest)
     * @return the error's 1-based line and column within {@code source}, and the parser's message
     */
    SyntaxError check(String source);

    /** Return the top-level statements of source that compiles, in order. */
    List<Statement> statements(String source);

    /**
     * Describe a syntax error within a piece of source.
     *
     * @param line 1-based line
     * @param column 1-based column, 0 when unknown
     * @param message the parser's message
     */
    record SyntaxError(int line, int column, String message) {}

    /**
     * Describe a top-level statement.
     *
     * @param kind the {@code ast} class name: {@code Import}, {@code FunctionDef}, {@code Assign}, ...
     * @param firstLine 1-based first line (decorators included)
     * @param lastLine 1-based last line
     * @param mainGuard whether it is an {@code if __name__ == "__main__":} block
     */
    record Statement(String kind, int firstLine, int lastLine, boolean mainGuard) {}
}

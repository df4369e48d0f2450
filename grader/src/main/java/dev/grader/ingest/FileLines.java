package dev.grader.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Map a place the grader names in a submission ({@code lab.ipynb cell 5}, line 3) to the line of the submission's
 * file itself, where a tool that shows the file (GitHub's annotations on a commit) needs it.
 *
 * <p>A notebook's line is the line of its JSON on which that line of the cell's source is written; other files'
 * lines are their own.
 */
public final class FileLines {

    private static final Pattern CELL = Pattern.compile(" cell (\\d+)$");

    private final List<List<Integer>> cells;

    private FileLines(List<List<Integer>> cells) {
        this.cells = cells;
    }

    /** Read the submission file; a file that cannot be read maps notebook places to no line. */
    public static FileLines of(Path file) {
        List<List<Integer>> cells = null;
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase().endsWith(".ipynb")) {
            try {
                cells = NotebookReader.fileLines(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                cells = null;
            }
        }
        return new FileLines(cells == null ? List.of() : cells);
    }

    /**
     * Return the file's line for a place: {@code where} is the grader's file name ({@code lab.ipynb cell 5}, or
     * the file's own name), {@code line} the 1-based line in it; 0 when unknown.
     */
    public int line(String where, int line) {
        if (line <= 0 || where == null) {
            return 0;
        }
        Matcher m = CELL.matcher(where);
        if (!m.find()) {
            return line;
        }
        int cell = Integer.parseInt(m.group(1));
        if (cell < 1 || cell > cells.size()) {
            return 0;
        }
        List<Integer> lines = cells.get(cell - 1);
        return line <= lines.size() ? lines.get(line - 1) : 0;
    }
}

package dev.grader.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Read the cells of a notebook's JSON in one streaming pass, keeping only each cell's type and source.
 *
 * <p>A tree of the whole document would hold every output (base64 images, long tracebacks) and a
 * copy of the text as characters: several times the file's size for each notebook being read. The
 * parser still reads every token, so malformed JSON anywhere in the file is an error.
 */
final class NotebookReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Type and source of one cell, as the notebook gives them, and the line of the notebook's file each line of
     * the source is written on.
     */
    record RawCell(String type, String source, List<Integer> fileLines) {

        RawCell(String type, String source) {
            this(type, source, List.of());
        }
    }

    private NotebookReader() {
    }

    /**
     * Read the cells of {@code text}: those of {@code cells}, or of the first worksheet of an nbformat 3
     * notebook; {@code null} when the JSON is valid but is not a notebook.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not valid JSON
     */
    static List<RawCell> read(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                skipRest(p);
                return null;
            }
            List<RawCell> cells = null;
            List<RawCell> worksheetCells = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("cells") && value == JsonToken.START_ARRAY && cells == null) {
                    cells = cellArray(p);
                } else if (field.equals("worksheets") && value == JsonToken.START_ARRAY && worksheetCells == null) {
                    worksheetCells = firstWorksheet(p);
                } else {
                    p.skipChildren();
                }
            }
            skipRest(p);
            return cells != null ? cells : worksheetCells;
        }
    }

    /** Read to the end so trailing garbage is reported like any other malformed JSON. */
    private static void skipRest(JsonParser p) throws IOException {
        while (p.nextToken() != null) {
            p.skipChildren();
        }
    }

    private static List<RawCell> firstWorksheet(JsonParser p) throws IOException {
        List<RawCell> found = null;
        boolean first = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (first && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("cells") && value == JsonToken.START_ARRAY && found == null) {
                        found = cellArray(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            first = false;
        }
        return found;
    }

    private static List<RawCell> cellArray(JsonParser p) throws IOException {
        List<RawCell> cells = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                cells.add(new RawCell("markdown", ""));
                continue;
            }
            String type = "markdown";
            String source = null;
            String input = null;
            List<Integer> sourceLines = new ArrayList<>();
            List<Integer> inputLines = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "cell_type" -> {
                        type = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : "";
                        p.skipChildren();
                    }
                    case "source" -> source = sourceText(p, value, sourceLines);
                    case "input" -> input = sourceText(p, value, inputLines);
                    default -> p.skipChildren();
                }
            }
            cells.add(source != null ? new RawCell(type, source, sourceLines)
                    : new RawCell(type, input == null ? "" : input, inputLines));
        }
        return cells;
    }

    /**
     * Join a source given as a list of lines, or take it whole; JSON null and nested containers count as empty.
     * Each line of the source gets the line of the file its text is written on in {@code fileLines}.
     */
    private static String sourceText(JsonParser p, JsonToken value, List<Integer> fileLines) throws IOException {
        if (value == JsonToken.START_ARRAY) {
            StringBuilder sb = new StringBuilder();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonToken t = p.currentToken();
                if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    String piece = p.getText();
                    if (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n') {
                        fileLines.add(p.currentTokenLocation().getLineNr());
                    }
                    for (int i = 0; i < piece.length() - 1; i++) {
                        if (piece.charAt(i) == '\n') {
                            fileLines.add(p.currentTokenLocation().getLineNr());
                        }
                    }
                    sb.append(piece);
                } else {
                    p.skipChildren();
                }
            }
            return sb.toString();
        }
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            String text = p.getText();
            // one string: every line of it is written on the line the string starts on
            int lines = text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
            for (int i = 0; i < Math.max(1, lines); i++) {
                fileLines.add(p.currentTokenLocation().getLineNr());
            }
            return text;
        }
        p.skipChildren();
        return "";
    }

    /**
     * Return, for each cell of a notebook, the line of the notebook's file each line of its source is written
     * on; {@code null} when the text is not a notebook.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not valid JSON
     */
    static List<List<Integer>> fileLines(String text) throws IOException {
        List<RawCell> cells = read(text);
        if (cells == null) {
            return null;
        }
        List<List<Integer>> out = new ArrayList<>();
        cells.forEach(c -> out.add(c.fileLines()));
        return out;
    }
}

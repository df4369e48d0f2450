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

    /** Type and source of one cell, as the notebook gives them. */
    record RawCell(String type, String source) {
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
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "cell_type" -> {
                        type = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : "";
                        p.skipChildren();
                    }
                    case "source" -> source = sourceText(p, value);
                    case "input" -> input = sourceText(p, value);
                    default -> p.skipChildren();
                }
            }
            cells.add(new RawCell(type, source != null ? source : input == null ? "" : input));
        }
        return cells;
    }

    /** Join a source given as a list of lines, or take it whole; JSON null and nested containers count as empty. */
    private static String sourceText(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_ARRAY) {
            StringBuilder sb = new StringBuilder();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonToken t = p.currentToken();
                if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    sb.append(p.getText());
                } else {
                    p.skipChildren();
                }
            }
            return sb.toString();
        }
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }
}

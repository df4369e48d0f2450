package dev.grader.rubric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold a YAML value with the line it was written on, so validation can point at the line.
 *
 * <p>Jackson's tree model drops locations; rubric errors must say where they are, so the tree is
 * built here from the streaming parser.
 *
 * @param line 1-based line of the value
 * @param value a {@code String}, {@code Number}, {@code Boolean}, {@code null}, a {@code List<YamlNode>}
 *     or a {@code Map<String, YamlNode>} (in document order)
 */
record YamlNode(int line, Object value) {

    /** Parse a whole YAML document. */
    static YamlNode parse(Reader reader) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(1, null);
            }
            return read(p);
        }
    }

    private static YamlNode read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode child = read(p);
                    if (map.containsKey(name)) {
                        throw new DuplicateKeyException(name, keyLine);
                    }
                    map.put(name, child);
                }
                return new YamlNode(line, map);
            }
            case START_ARRAY: {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return new YamlNode(line, list);
            }
            case VALUE_STRING:
                return new YamlNode(line, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode(line, p.getNumberValue());
            case VALUE_TRUE:
                return new YamlNode(line, Boolean.TRUE);
            case VALUE_FALSE:
                return new YamlNode(line, Boolean.FALSE);
            default:
                return new YamlNode(line, null);
        }
    }

    /** Return true when the value is a mapping. */
    boolean isMap() {
        return value instanceof Map;
    }

    /** Return the mapping, or an empty one when the value is not a mapping. */
    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return value instanceof Map ? (Map<String, YamlNode>) value : Map.of();
    }

    /** Return the list, or an empty one when the value is not a list. */
    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return value instanceof List ? (List<YamlNode>) value : List.of();
    }

    /** Return the value converted to plain Java (maps, lists, scalars) without line numbers. */
    Object plain() {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, ((YamlNode) v).plain()));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> ((YamlNode) v).plain()).toList();
        }
        return value;
    }

    /** Signal a key written twice in one mapping. */
    static final class DuplicateKeyException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        DuplicateKeyException(String key, int line) {
            super("key '" + key + "' is given twice");
            this.line = line;
        }
    }
}

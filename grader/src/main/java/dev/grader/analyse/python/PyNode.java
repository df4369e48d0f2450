package dev.grader.analyse.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold one node of a syntax tree made by CPython's {@code ast}, with its fields by name.
 *
 * <p>Field values are other nodes, lists, strings, numbers, booleans or {@code null}, exactly as
 * {@code ast} has them; positions are {@code ast}'s (1-based lines, 0-based UTF-8 byte columns).
 * Nodes compare by identity: two calls on the same line are two nodes.
 */
public final class PyNode {

    private final String type;
    private final int line;
    private final int col;
    private final int endLine;
    private final int endCol;
    private final Map<String, Object> fields;

    private PyNode(String type, int line, int col, int endLine, int endCol, Map<String, Object> fields) {
        this.type = type;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.fields = fields;
    }

    /** Read a tree from the helper's JSON. */
    public static PyNode of(JsonNode json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) {
                fields.put(e.getKey(), value(e.getValue()));
            }
        }
        return new PyNode(json.path("_t").asText(), json.path("_l").asInt(), json.path("_c").asInt(),
                json.path("_el").asInt(), json.path("_ec").asInt(), fields);
    }

    private static Object value(JsonNode v) {
        if (v.isObject() && v.has("_t")) {
            return of(v);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode x : v) {
                list.add(value(x));
            }
            return Collections.unmodifiableList(list);
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return null;
    }

    /** Return the {@code ast} class name: {@code Call}, {@code Name}, ... */
    public String type() {
        return type;
    }

    /** Return true when this node is of the given {@code ast} class. */
    public boolean is(String name) {
        return type.equals(name);
    }

    /** Return the 1-based first line, 0 for nodes without a position. */
    public int line() {
        return line;
    }

    /** Return the 0-based UTF-8 byte column where the node starts. */
    public int col() {
        return col;
    }

    /** Return the 1-based last line. */
    public int endLine() {
        return endLine;
    }

    /** Return the 0-based UTF-8 byte column where the node ends. */
    public int endCol() {
        return endCol;
    }

    /** Return the child node in a field, or {@code null}. */
    public PyNode node(String field) {
        return fields.get(field) instanceof PyNode n ? n : null;
    }

    /** Return the child nodes in a list field; empty when absent. */
    public List<PyNode> nodes(String field) {
        List<PyNode> out = new ArrayList<>();
        if (fields.get(field) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof PyNode n) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Return a text field (a name, an attribute), or {@code null}. */
    public String text(String field) {
        return fields.get(field) instanceof String s ? s : null;
    }

    /** Return a field's raw value. */
    public Object value(String field) {
        return fields.get(field);
    }

    /** Return every direct child node, in field order. */
    public List<PyNode> children() {
        List<PyNode> out = new ArrayList<>();
        for (Object v : fields.values()) {
            if (v instanceof PyNode n) {
                out.add(n);
            } else if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof PyNode n) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    /** Return this node and all below it, depth first. */
    public List<PyNode> walk() {
        List<PyNode> out = new ArrayList<>();
        List<PyNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            PyNode n = stack.remove(stack.size() - 1);
            out.add(n);
            List<PyNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.add(kids.get(i));
            }
        }
        return out;
    }

    /** Return the keyword argument of a call with the given name, or {@code null}. */
    public PyNode keyword(String name) {
        for (PyNode k : nodes("keywords")) {
            if (name.equals(k.text("arg"))) {
                return k.node("value");
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type + "@" + line + ":" + col;
    }
}

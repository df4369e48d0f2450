package dev.grader.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ask CPython's own parser about source code, through one helper process that serves a whole batch.
 *
 * <p>The helper runs {@code python3 -I pyhelper.py} and answers one JSON request per line. Calls are
 * serialised; a helper that dies is restarted on the next call, and the call that found it dead gets an
 * error result rather than an exception.
 */
public final class PythonHelper implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Interpreter python;
    private final Path script;
    private Process process;
    private BufferedWriter toHelper;
    private BufferedReader fromHelper;

    private PythonHelper(Interpreter python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * Start a helper on the given interpreter.
     *
     * @throws IOException when the helper cannot be started or does not answer
     */
    public static PythonHelper start(Interpreter python) throws IOException {
        Path dir = Bundled.directory("", List.of("pyhelper.py"));
        PythonHelper h = new PythonHelper(python, dir.resolve("pyhelper.py"));
        h.launch();
        JsonNode pong = h.request("ping", "");
        if (!pong.path("ok").asBoolean()) {
            h.close();
            throw new IOException("the Python helper did not answer: " + pong.path("message").asText());
        }
        return h;
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.executable().toString(), "-I", script.toString());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
        toHelper = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        fromHelper = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private JsonNode request(String op, String source) {
        return request(op, source, List.of());
    }

    private synchronized JsonNode request(String op, String source, Collection<String> names) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (process == null || !process.isAlive()) {
                    launch();
                }
                ObjectNode req = JSON.createObjectNode();
                req.put("op", op);
                req.put("source", source);
                if (!names.isEmpty()) {
                    ArrayNode list = req.putArray("names");
                    names.forEach(list::add);
                }
                toHelper.write(JSON.writeValueAsString(req));
                toHelper.write('\n');
                toHelper.flush();
                String line = fromHelper.readLine();
                if (line == null) {
                    throw new IOException("the Python helper exited");
                }
                return JSON.readTree(line);
            } catch (IOException e) {
                destroy();
                if (attempt == 1) {
                    ObjectNode err = JSON.createObjectNode();
                    err.put("ok", false);
                    err.put("message", "the Python helper failed: " + e.getMessage());
                    return err;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Parse source as a module.
     *
     * @param source the code
     * @return whether it compiles, and if not where, why, and whether input merely ended too early
     */
    public ParseOutcome parse(String source) {
        JsonNode r = request("classify", source);
        return new ParseOutcome(r.path("ok").asBoolean(), r.path("line").asInt(), r.path("column").asInt(),
                r.path("message").asText(""), r.path("incomplete").asBoolean(), r.path("output_like").asBoolean(),
                r.path("statements").asInt());
    }

    /**
     * Read a notebook code cell as Jupyter runs it and tell the prose typed into it from its code.
     *
     * @param source the cell's text
     * @param names the names earlier cells bound (a one-line cell naming a magic runs it only when the name is free)
     * @return the cell line for line, IPython's syntax turned into calls, and what of it is prose
     */
    public CellOutcome cell(String source, Collection<String> names) {
        JsonNode r = request("cell", source, names);
        if (!r.has("kind")) {
            // the helper failed: read the cell as the code it says it is
            return new CellOutcome("code", source, List.of(), List.of(), List.of(), List.of(), 0, "");
        }
        List<int[]> top = new ArrayList<>();
        for (JsonNode t : r.path("top")) {
            top.add(new int[] {t.path(0).asInt(), t.path(1).asInt()});
        }
        return new CellOutcome(r.path("kind").asText(), r.path("source").asText(source), ints(r.path("prose")),
                ints(r.path("relabelled")), top, strings(r.path("binds")), r.path("line").asInt(),
                r.path("message").asText(""));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Return the top-level statements of source that compiles; empty when it does not. */
    public List<StatementInfo> statements(String source) {
        JsonNode r = request("statements", source);
        List<StatementInfo> out = new ArrayList<>();
        for (JsonNode s : r.path("statements")) {
            out.add(new StatementInfo(s.path("kind").asText(), s.path("first").asInt(), s.path("last").asInt(),
                    s.path("main_guard").asBoolean()));
        }
        return out;
    }

    /**
     * Return the whole syntax tree of source, as the helper writes it.
     *
     * @param source the code
     * @return {@code {"ok": true, "tree": ...}}, or {@code {"ok": false, "line": n, "message": ...}} when it does
     *     not compile or cannot be analysed
     */
    public JsonNode tree(String source) {
        return request("ast", source);
    }

    /** Return true when source parses and holds only what printed output looks like: literals, bare names. */
    public boolean literalOnly(String source) {
        ParseOutcome p = parse(source);
        return p.ok() && p.outputLike();
    }

    private synchronized void destroy() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                toHelper.close();
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the helper is ended below either way
            }
            destroy();
        }
    }

    /**
     * Hold the parser's verdict on a piece of source.
     *
     * @param ok whether it compiles
     * @param line 1-based line of the error, 0 when it compiles
     * @param column 1-based column of the error, 0 when unknown
     * @param message the parser's message
     * @param incomplete whether the only problem is that the input ends too early
     * @param outputLike whether it compiles and holds only literals and bare names, as printed output does
     * @param statements number of top-level statements when it compiles
     */
    public record ParseOutcome(boolean ok, int line, int column, String message, boolean incomplete,
            boolean outputLike, int statements) {}

    /**
     * Describe how a code cell reads.
     *
     * @param kind {@code code} (it compiles), {@code mixed} (its code compiles once its prose is left out),
     *     {@code prose} (nothing in it is code) or {@code broken} (its code has a syntax error)
     * @param source the cell line for line as it runs: IPython's syntax turned into calls, prose lines empty and
     *     answer labels taken off the code they stood in front of
     * @param prose 1-based lines of prose, left out of the code
     * @param relabelled 1-based lines whose answer label ({@code Ans3.}) was taken off the code after it
     * @param top the first and last line of each top-level statement of a cell that compiles
     * @param binds the names the cell binds at top level
     * @param errorLine 1-based line of the syntax error of a broken cell, 0 otherwise
     * @param error the parser's message for a broken cell, empty otherwise
     */
    public record CellOutcome(String kind, String source, List<Integer> prose, List<Integer> relabelled,
            List<int[]> top, List<String> binds, int errorLine, String error) {

        public CellOutcome {
            prose = List.copyOf(prose);
            relabelled = List.copyOf(relabelled);
            top = List.copyOf(top);
            binds = List.copyOf(binds);
        }
    }

    /**
     * Describe a top-level statement.
     *
     * @param kind the {@code ast} class name
     * @param firstLine 1-based first line, decorators included
     * @param lastLine 1-based last line
     * @param mainGuard whether it is an {@code if __name__ == "__main__":} block
     */
    public record StatementInfo(String kind, int firstLine, int lastLine, boolean mainGuard) {}
}

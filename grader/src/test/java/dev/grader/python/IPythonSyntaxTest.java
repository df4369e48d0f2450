package dev.grader.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Read the cells of {@code ipython/cells.txt} with the grader's rules and with IPython's own shell (the reference,
 * where an interpreter can import it) and compare them line for line. Only the documented differences may differ:
 * %time-like magics run their code in place, and a line of prose ending in a question mark stays prose.
 *
 * <p>Skipped where no interpreter has IPython, unless {@code GRADER_REQUIRE_IPYTHON} is set (CI sets it).
 */
class IPythonSyntaxTest {

    private static final Path RES = Path.of("src/test/resources/ipython");
    private static final Path HELPER = Path.of("src/main/resources/dev/grader/python");
    private static final Pattern TIMED_LINE = Pattern.compile(
            "^(.*?)get_ipython\\(\\)\\.run_line_magic\\('(time|timeit|prun)', (['\"])(.*)\\3\\)$");
    private static final Pattern HELP_CALL = Pattern.compile("^\\s*get_ipython\\(\\)\\.run_line_magic\\('pinfo', .*\\)$");

    /** Return an interpreter that imports IPython, or null. */
    private static String pythonWithIPython() throws IOException, InterruptedException {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import IPython").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not on this machine
            }
        }
        return null;
    }

    @Test
    void everyCellReadsAsIPythonReadsItButForTheDocumentedDifferences() throws Exception {
        String python = pythonWithIPython();
        assumeTrue(python != null || System.getenv("GRADER_REQUIRE_IPYTHON") != null,
                "no interpreter here can import IPython");
        assertTrue(python != null, "GRADER_REQUIRE_IPYTHON is set but no interpreter can import IPython");
        Process p = new ProcessBuilder(python, RES.resolve("compare.py").toString(), HELPER.toString(),
                RES.resolve("cells.txt").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int cells = 0;
        int differences = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            cells++;
            JsonNode r = json.readTree(line);
            List<String> ours = lines(r.get("ours"));
            List<String> theirs = lines(r.get("theirs"));
            if (nonBlank(ours).equals(nonBlank(theirs))) {
                continue;
            }
            differences++;
            String why = documentedDifference(r.get("cell").asText(), ours, theirs, r.get("call"));
            if (why != null) {
                problems.add(why + "\n  cell: " + r.get("cell").asText() + "\n  ours: " + ours + "\n  IPython: " + theirs);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Files.readString(RES.resolve("cells.txt")).split("#%% cell\n", -1).length - 1, cells);
        // the deliberate differences are there to be seen: %%time, %time, %timeit, x = %time, an indented %time,
        // and a question typed into a cell
        assertEquals(6, differences);
    }

    /** Return null when the cell differs only as documented, else what is wrong. */
    private static String documentedDifference(String cell, List<String> ours, List<String> theirs, JsonNode call) {
        if (call != null && call.isArray() && call.get(0).asText().equals("run_cell_magic")) {
            // %%time and the like: the body runs in place, after an empty statement where the magic was
            if (!List.of("time", "timeit", "prun").contains(call.get(1).asText())) {
                return "a cell magic that is not run in place";
            }
            List<String> expected = new ArrayList<>(List.of("pass"));
            String body = call.get(3).asText();
            expected.addAll(List.of(body.endsWith("\n") ? body.substring(0, body.length() - 1).split("\n", -1)
                    : body.split("\n", -1)));
            return nonBlank(ours).equals(nonBlank(expected)) ? null : "the body of a %%time cell is not kept in place";
        }
        List<String> original = List.of(cell.split("\n", -1));
        List<String> o = nonBlank(ours);
        List<String> t = nonBlank(theirs);
        if (o.size() != t.size()) {
            return "not as many lines";
        }
        for (int i = 0; i < o.size(); i++) {
            if (o.get(i).equals(t.get(i))) {
                continue;
            }
            Matcher m = TIMED_LINE.matcher(t.get(i));
            if (m.matches()) {
                String statement = o.get(i).substring(Math.min(m.group(1).length(), o.get(i).length()));
                if (!o.get(i).startsWith(m.group(1)) || statement.isBlank() || !m.group(4).endsWith(statement)) {
                    return "%" + m.group(2) + " does not run its statement in place";
                }
                continue;
            }
            if (HELP_CALL.matcher(t.get(i)).matches() && original.contains(o.get(i)) && o.get(i).endsWith("?")
                    && o.get(i).split("\\s+").length >= 3) {
                continue; // a question the student typed, read as prose
            }
            return "line " + (i + 1) + " differs";
        }
        return null;
    }

    private static List<String> lines(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }
}

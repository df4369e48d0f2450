package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.BatchResult;
import dev.grader.pipeline.Grader;
import dev.grader.python.Interpreter;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.PythonToolchain;
import dev.grader.run.LocalRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check every HTML page the grader writes with the W3C's Nu HTML checker, run as a child JVM on the test's
 * class path: the fixed batch (markup in names, code and output) and a real batch with findings and hangs.
 */
public class HtmlValidityTest {

    public static List<String> validate(Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nu.validator.client.SimpleCommandLineValidator",
                "--errors-only", "--format", "text"));
        try (Stream<Path> pages = Files.walk(dir)) {
            pages.filter(p -> p.toString().endsWith(".html")).forEach(p -> cmd.add(p.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return out.lines().filter(l -> l.contains("error:") || l.contains("Error:")).toList();
    }

    @Test
    void theCheckerCatchesInvalidHtml(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("bad.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
                + "<body><span><div></div></span></body></html>");
        assertTrue(!validate(out).isEmpty(), "a div inside a span is an error");
    }

    @Test
    void theFixedBatchsPagesAreValidHtml(@TempDir Path out) throws Exception {
        new ReportWriter(null).write(ReportWriterTest.batch(), out);
        assertEquals(List.of(), validate(out));
    }

    @Test
    void aRealBatchsPagesAreValidHtml(@TempDir Path out) throws Exception {
        Interpreter python = Interpreter.probe("python3");
        BatchResult batch;
        try (Grader grader = new Grader(RubricLoader.load(Path.of("../rubrics/multiprocessing.yaml")), new PythonToolchain(python),
                new LocalRunner(python), 2)) {
            batch = grader.grade(List.of(Path.of("../submissions/ipynb_misuse_split_cells.ipynb"),
                    Path.of("../submissions/txt_fenced_pipe_deadlock.txt")), s -> { });
        }
        new ReportWriter(null).write(batch, out);
        assertTrue(Files.readString(out.resolve("students/txt_fenced_pipe_deadlock.html")).contains("Where each process"));
        assertEquals(List.of(), validate(out));
    }
}

package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drive the platform outputs as their consumers do: the GitHub Classroom step output, job summary and annotations;
 * a result for Classroom and Gradescope even when nothing can be graded; the Gradescope zip unzipped and run as
 * Gradescope runs it.
 */
class PlatformsTest {

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Decode the last {@code result=} line of a step output file, as the reporter does. */
    static JsonNode classroomResult(Path githubOutput) throws IOException {
        List<String> lines = Files.readAllLines(githubOutput);
        String last = null;
        for (String l : lines) {
            if (l.startsWith("result=")) {
                last = l.substring("result=".length());
            }
        }
        assertTrue(last != null, "no result= line in " + lines);
        return new ObjectMapper().readTree(Base64.getDecoder().decode(last));
    }

    @Test
    void classroomAlwaysGetsAResultWithTheReasonEvenWhenNothingIsGraded(@TempDir Path tmp) throws IOException {
        // the submission file is missing: exit 2, and Classroom records 0 with the reason
        Path gh = tmp.resolve("gh-missing");
        Path summary = tmp.resolve("summary-missing.md");
        Outcome missing = run("grade", tmp.resolve("assignment.ipynb").toString(), "--out", tmp.resolve("o").toString(),
                "--format", "classroom", "--github-output", gh.toString(), "--github-summary", summary.toString());
        assertEquals(Main.USAGE, missing.code());
        JsonNode r = classroomResult(gh);
        assertEquals("error", r.get("status").asText());
        JsonNode test = r.get("tests").get(0);
        assertEquals("missing file", test.get("name").asText());
        assertEquals("error", test.get("status").asText());
        assertEquals(0, test.get("score").asInt());
        assertTrue(test.get("message").asText().contains("assignment.ipynb: no such file"), test.toString());
        assertTrue(test.has("line_no"));
        assertTrue(Files.readString(summary).contains("Not graded: missing file"), Files.readString(summary));
        // no Python: exit 3, the rubric's points as the maximum
        Path gh3 = tmp.resolve("gh-python");
        Outcome noPython = run("grade", "../submissions/py_comment_markers.py", "--out", tmp.resolve("o3").toString(),
                "--python", tmp.resolve("no-python").toString(), "--format", "classroom", "--github-output", gh3.toString());
        assertEquals(Main.ENVIRONMENT, noPython.code());
        JsonNode r3 = classroomResult(gh3);
        assertEquals("no Python", r3.get("tests").get(0).get("name").asText());
        assertEquals(100, r3.get("max_score").asInt());
        // the reports cannot be written (the output folder is a file): exit 4, a grader error, and still a result
        Path gh4 = tmp.resolve("gh-grader");
        Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
        Outcome cannotWrite = run("grade", "../submissions/py_comment_markers.py", "--out", notAFolder.toString(),
                "--format", "classroom", "--github-output", gh4.toString());
        assertEquals(Main.GRADER_ERROR, cannotWrite.code(), cannotWrite.err());
        assertEquals("grader error", classroomResult(gh4).get("tests").get(0).get("name").asText());
        // a command line that cannot be read at all still leaves a result
        Path gh2 = tmp.resolve("gh-option");
        Outcome unknown = run("grade", "../submissions/py_comment_markers.py", "--format", "classroom", "--github-output",
                gh2.toString(), "--no-such-option");
        assertEquals(Main.USAGE, unknown.code());
        assertEquals("bad command line", classroomResult(gh2).get("tests").get(0).get("name").asText());
        // Gradescope too gets a results.json that says why
        Path gs = tmp.resolve("gs/results.json");
        Outcome gradescope = run("grade", tmp.resolve("none.py").toString(), "--format", "gradescope",
                "--gradescope-output", gs.toString());
        assertEquals(Main.USAGE, gradescope.code());
        JsonNode g = new ObjectMapper().readTree(gs.toFile());
        assertEquals(0, g.get("score").asInt());
        assertTrue(g.get("output").asText().startsWith("Not graded: missing file."), g.toString());
    }

    @Test
    void optionsThatCannotWorkTogetherAreRefusedBeforeAnySubmissionIsRead(@TempDir Path tmp) {
        Path reports = tmp.resolve("reports");
        Outcome two = run("grade", "../submissions", "--out", reports.toString(), "--format", "classroom,gradescope",
                "--github-output", tmp.resolve("gh").toString());
        assertEquals(Main.USAGE, two.code());
        assertTrue(two.err().contains("reports one submission;"), two.err());
        assertFalse(Files.exists(reports.resolve("results.json")), "graded a batch before refusing it");
        Outcome shard = run("grade", "../submissions/py_comment_markers.py", "--format", "gradescope", "--shard", "0/2",
                "--out", reports.toString());
        assertEquals(Main.USAGE, shard.code());
        Outcome summaryAlone = run("grade", "../submissions/py_comment_markers.py", "--github-summary",
                tmp.resolve("s.md").toString(), "--out", reports.toString());
        assertEquals(Main.USAGE, summaryAlone.code());
        assertTrue(summaryAlone.err().contains("go with --format classroom"), summaryAlone.err());
        assertFalse(Files.exists(reports.resolve("results.json")));
    }

    @Test
    void classroomShowsFeedbackInTheJobSummaryAndAnnotatesTheStudentsLines(@TempDir Path tmp) throws IOException {
        Path notebook = Files.copy(Path.of("../submissions/ipynb_misuse_split_cells.ipynb"), tmp.resolve("lab.ipynb"));
        Path gh = tmp.resolve("gh");
        Path summary = tmp.resolve("summary.md");
        Outcome o = run("grade", notebook.toString(), "--out", tmp.resolve("out").toString(), "--format", "classroom",
                "--github-output", gh.toString(), "--github-summary", summary.toString());
        assertEquals(Main.FAILURES, o.code(), o.err());
        JsonNode r = classroomResult(gh);
        double points = 0;
        for (JsonNode t : r.get("tests")) {
            points += t.get("score").asDouble();
        }
        JsonNode results = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile()).get("submissions").get(0);
        String md = Files.readString(summary);
        assertTrue(md.startsWith("## Multiprocessing in Python (Q1-Q6): " + GradeCommand.fmt(points) + " / 100 points"), md);
        assertEquals(results.get("points").asDouble(), points, 1e-9);
        assertTrue(md.contains("| process_joined | fail | 0 / 8 |"), md);
        assertTrue(md.contains("`pool-not-closed`"), md);
        // annotations: a finding at the line of the notebook's file where that code is written
        List<String> raw = Files.readAllLines(notebook);
        Matcher m = Pattern.compile("(?m)^::warning file=(.*?),line=(\\d+),title=Q5 pool-not-closed::(.*)$").matcher(o.out());
        assertTrue(m.find(), o.out());
        assertEquals(notebook.toString(), m.group(1));
        assertTrue(raw.get(Integer.parseInt(m.group(2)) - 1).contains("Pool("), raw.get(Integer.parseInt(m.group(2)) - 1));
        // and each failed check at its answer's first line, with the points it lost
        assertTrue(o.out().contains(",title=Q3 process_started%3A 0/8::"), o.out());
    }

    @Test
    void theGradescopeZipRunsAsGradescopeRunsIt(@TempDir Path tmp) throws Exception {
        Path jar = ThinJar.write(tmp.resolve("grader.jar"));
        Path zip = tmp.resolve("autograder.zip");
        Outcome made = run("gradescope-zip", "--out", zip.toString(), "--jar", jar.toString());
        assertEquals(Main.OK, made.code(), made.err());
        // laid out as /autograder is: the zip unzipped into source/, the student's files in submission/
        Path root = tmp.resolve("autograder");
        Path source = Files.createDirectories(root.resolve("source"));
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", source.toString())
                .redirectErrorStream(true).start();
        String unzipped = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, unzip.waitFor(), unzipped);
        for (String script : List.of("run_autograder", "setup.sh")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(source.resolve(script));
            assertTrue(perms.contains(PosixFilePermission.OWNER_EXECUTE) && perms.contains(PosixFilePermission.OTHERS_EXECUTE),
                    script + " " + perms);
        }
        assertFalse(Files.getPosixFilePermissions(source.resolve("rubric.yaml")).contains(PosixFilePermission.OWNER_EXECUTE));
        Files.createDirectories(root.resolve("submission"));
        Files.copy(Path.of("../submissions/ipynb_clean.ipynb"), root.resolve("submission/my work.ipynb"));
        String out = runAutograder(root);
        Path results = root.resolve("results");
        try (Stream<Path> files = Files.list(results)) {
            assertEquals(List.of("results.json"), files.map(p -> p.getFileName().toString()).toList(), out);
        }
        JsonNode r = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        assertEquals(100, r.get("score").asInt(), r.toString());
        assertTrue(r.get("execution_time").asInt() >= 1, r.toString());
        assertTrue(Files.isRegularFile(root.resolve("reports/index.html")), "the full reports are kept beside");
        // nothing handed in: a result that says so
        try (Stream<Path> files = Files.list(root.resolve("submission"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        runAutograder(root);
        assertEquals("No file was submitted.",
                new ObjectMapper().readTree(results.resolve("results.json").toFile()).get("output").asText());
    }

    private static String runAutograder(Path root) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("source/run_autograder").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}

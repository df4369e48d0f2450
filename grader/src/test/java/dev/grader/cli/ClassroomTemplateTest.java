package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.grader.python.Interpreter;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Make a Classroom template, push a solution into it, and run the workflow's grading step as GitHub runs it: the
 * same script, environment and output files; then read what the reporter reads.
 */
class ClassroomTemplateTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** Run the workflow's step with this id in the repository folder, as a runner does; return what it printed. */
    private static String runStep(Path repo, String id, Map<String, String> extraEnv) throws Exception {
        JsonNode workflow = YAML.readTree(repo.resolve(".github/workflows/classroom.yml").toFile());
        JsonNode step = null;
        for (JsonNode s : workflow.path("jobs").path("run-autograding-tests").path("steps")) {
            if (s.path("id").asText().equals(id)) {
                step = s;
            }
        }
        assertTrue(step != null, "no step " + id);
        Path script = Files.writeString(repo.getParent().resolve(id + ".sh"), step.path("run").asText());
        // GitHub runs a run: block as bash --noprofile --norc -eo pipefail FILE
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                .directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        return out;
    }

    @Test
    void aTemplateGradesAPushWithItsCommittedGrader(@TempDir Path tmp) throws Exception {
        // the step asks for isolation: where this machine has none, CI (GRADER_REQUIRE_SANDBOX) still runs it
        if (!"1".equals(System.getenv("GRADER_REQUIRE_SANDBOX"))) {
            LocalRunner runner = new LocalRunner(Interpreter.probe("python3"));
            assumeTrue(runner.sandbox().layer().atLeast(Sandbox.Layer.NAMESPACES), runner.isolation());
        }
        Path jar = ThinJar.write(tmp.resolve("grader.jar"));
        Path repo = tmp.resolve("template");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.OK, run(out, err, "classroom-template", "--out", repo.toString(), "--jar", jar.toString()),
                err.toString());
        for (String f : new String[] {".github/workflows/classroom.yml", ".grader/grader.jar", ".grader/rubric.yaml",
            "assignment.ipynb", "README.md", ".gitignore"}) {
            assertTrue(Files.isRegularFile(repo.resolve(f)), f);
        }
        assertTrue(Files.readString(repo.resolve("README.md"))
                .contains("java -jar .grader/grader.jar check assignment.ipynb --rubric .grader/rubric.yaml"));
        // the starter is a notebook with every question as a heading
        JsonNode starter = new ObjectMapper().readTree(repo.resolve("assignment.ipynb").toFile());
        assertEquals(13, starter.get("cells").size());
        assertTrue(starter.toString().contains("### Q6. Write a python program to create 4 processes"));
        // a template goes into a new folder, never over one
        assertEquals(Main.USAGE, run(new StringWriter(), new StringWriter(), "classroom-template", "--out",
                repo.toString(), "--jar", jar.toString()));

        // the student pushes a solution; the workflow's grading step runs
        Files.copy(Path.of("../submissions/ipynb_misuse_split_cells.ipynb"), repo.resolve("assignment.ipynb"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path output = Files.createFile(tmp.resolve("github_output"));
        Path summary = Files.createFile(tmp.resolve("step_summary.md"));
        String printed = runStep(repo, "grader", Map.of("GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()));
        // what the reporter reads: GRADER_RESULTS, base64 JSON; the points it records are the sum of the scores
        JsonNode result = PlatformsTest.classroomResult(output);
        double score = 0;
        double max = 0;
        for (JsonNode t : result.get("tests")) {
            score += t.get("score").asDouble();
            max += t.get("max_score").asDouble();
            assertTrue(t.has("line_no") && t.has("message") && t.has("status"), t.toString());
        }
        assertEquals(100, max, 1e-9);
        JsonNode graded = new ObjectMapper().readTree(repo.resolve("grader-reports/results.json").toFile())
                .get("submissions").get(0);
        assertEquals(graded.get("points").asDouble(), score, 1e-9);
        assertEquals("fail", result.get("status").asText());
        assertTrue(Files.readString(summary).contains("/ 100 points"), Files.readString(summary));
        assertTrue(printed.contains("::error file=assignment.ipynb,line="), printed);

        // a push that deleted the notebook: the step still leaves a result, 0 with the reason
        Files.delete(repo.resolve("assignment.ipynb"));
        Path output2 = Files.createFile(tmp.resolve("github_output2"));
        runStep(repo, "grader", Map.of("GITHUB_OUTPUT", output2.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
        JsonNode missing = PlatformsTest.classroomResult(output2);
        assertEquals("missing file", missing.get("tests").get(0).get("name").asText());
        assertEquals(100, missing.get("max_score").asInt());
    }

    @Test
    void theWorkflowInTheProjectIsTheOneTemplatesGet() throws IOException {
        assertEquals(Files.readString(Path.of("../classroom/.github/workflows/classroom.yml")),
                ClassroomTemplateCommand.workflow("assignment.ipynb"));
        assertTrue(ClassroomTemplateCommand.workflow("lab.py").contains("SUBMISSION: lab.py"));
    }
}

package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.grader.analyse.Catalogue;
import dev.grader.analyse.RuleInfo;
import dev.grader.rubric.CheckReference;
import dev.grader.rubric.CheckSpec;
import dev.grader.rubric.CheckSpecs;
import dev.grader.run.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final Path CLI = Path.of("src/test/resources/cli");

    private record Outcome(int code, String out, String err) {}

    @TempDir
    static Path checkPages;

    private static Outcome run(String... args) {
        if (args.length > 0 && args[0].equals("check") && !List.of(args).contains("--out")) {
            // keep check's page out of the working tree, in a folder JUnit removes afterwards
            List<String> more = new ArrayList<>(List.of(args));
            more.addAll(List.of("--out", checkPages.resolve("run-" + System.nanoTime()).toString()));
            args = more.toArray(new String[0]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        Outcome top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("grade") && top.out().contains("check"), top.out());
        for (String cmd : List.of("grade", "check", "rules", "checks", "explain", "gradescope-zip")) {
            Outcome help = run(cmd, "--help");
            assertEquals(0, help.code(), cmd);
            assertTrue(help.out().contains("Exit codes:"), help.out());
            assertTrue(help.out().contains("--rubric") || !cmd.startsWith("grade") && !cmd.equals("check"), help.out());
        }
    }

    @Test
    void rulesListsTheCatalogueAndExplainPrintsOneRule() {
        Outcome rules = run("rules");
        assertEquals(Main.OK, rules.code());
        for (RuleInfo r : Catalogue.all()) {
            assertTrue(rules.out().lines().anyMatch(l -> l.startsWith(r.id() + " ") && l.contains(r.summary())),
                    r.id() + " missing from:\n" + rules.out());
        }
        Outcome explain = run("explain", "start-join-same-iteration");
        assertEquals(Main.OK, explain.code());
        assertTrue(explain.out().startsWith("start-join-same-iteration (python, warning)\n"), explain.out());
        for (String section : List.of("Why it matters:", "How to fix it:", "Example where it fires:", "    p.join()")) {
            assertTrue(explain.out().contains(section), explain.out());
        }
        Outcome unknown = run("explain", "pool-not-close");
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().contains("no rule or check 'pool-not-close' (did you mean 'pool-not-closed'?)"),
                unknown.err());
    }

    @Test
    void checksListsEveryCheckTypeAndExplainPrintsOne() {
        Outcome checks = run("checks");
        assertEquals(Main.OK, checks.code());
        for (CheckSpec c : CheckSpecs.all().values()) {
            assertTrue(checks.out().lines().anyMatch(l -> l.startsWith(c.name() + " ")), c.name() + " missing from:\n"
                    + checks.out());
        }
        Outcome java = run("checks", "--language", "java");
        assertTrue(java.out().contains("executor_shutdown ") && !java.out().contains("pool_closed "), java.out());
        assertEquals(Main.USAGE, run("checks", "--language", "cobol").code());

        Outcome explain = run("explain", "processes_started");
        assertEquals(Main.OK, explain.code());
        assertTrue(explain.out().startsWith("processes_started (check; python)\n"), explain.out());
        for (String part : List.of("at least min processes", "min (a whole number of at least 0, default 4)",
                "In a rubric:", "    - check: processes_started")) {
            assertTrue(explain.out().contains(part), explain.out());
        }
        Outcome required = run("explain", "output_matches");
        assertTrue(required.out().contains("regex (a regular expression, required)")
                && required.out().contains("      regex: ..."), required.out());
        Outcome near = run("explain", "pool_close");
        assertEquals(Main.USAGE, near.code());
        assertTrue(near.err().contains("(did you mean 'pool_closed'?)"), near.err());
    }

    @Test
    void checksUpdatesTheReferenceInAMarkdownFileAndTheReadmeHoldsTheCurrentOne(@TempDir Path tmp)
            throws IOException {
        Path doc = tmp.resolve("doc.md");
        Files.writeString(doc, "# Mine\n\n" + CheckReference.BEGIN + "\nold text\n" + CheckReference.END + "\nafter\n");
        Path other = tmp.resolve("other.md");
        Files.writeString(other, CheckReference.BEGIN + "\n" + CheckReference.END + "\n");
        Outcome updated = run("checks", "--update", doc.toString(), other.toString());
        assertEquals(Main.OK, updated.code(), updated.err());
        String text = Files.readString(doc);
        assertTrue(text.startsWith("# Mine\n\n" + CheckReference.BEGIN + "\n- `answered` ") && text.endsWith(
                CheckReference.END + "\nafter\n") && !text.contains("old text"), text);
        assertTrue(Files.readString(other).contains("- `queue_used` "), Files.readString(other));
        Path none = tmp.resolve("none.md");
        Files.writeString(none, "no markers\n");
        Outcome refused = run("checks", "--update", none.toString());
        assertEquals(Main.USAGE, refused.code());
        assertTrue(refused.err().contains("none.md: no check reference to update"), refused.err());

        for (String shipped : List.of("../README.md", "../docs/rubrics.md")) {
            String current = Files.readString(Path.of(shipped));
            assertEquals(current, CheckReference.replaceIn(current, CheckSpecs.all().values()),
                    shipped + "'s check reference is out of date: run bin/grader checks --update README.md docs/rubrics.md");
        }
    }

    @Test
    void theInstructorGuidesWorkedExampleGetsFullMarks(@TempDir Path tmp) {
        Outcome ok = run("check", "../examples/producer-consumer/answer.py", "--rubric",
                "../examples/producer-consumer/rubric.yaml", "--no-color", "--out", tmp.resolve("page").toString());
        assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("Total: 12/12"), ok.out());
        assertTrue(ok.out().contains("Queue made at line "), ok.out());
    }

    @Test
    void checkAndGradeWorkForJavaAsForPython(@TempDir Path tmp) throws IOException {
        Outcome good = run("check", "../submissions/java/good_folder_per_question", "--rubric",
                "../rubrics/java-threads.yaml", "--no-color", "--out", tmp.resolve("page").toString());
        assertEquals(Main.OK, good.code(), good.out() + good.err());
        assertTrue(good.out().contains("Total: 69/69"), good.out());
        assertTrue(Files.isRegularFile(tmp.resolve("page/students/good_folder_per_question.html")));
        Outcome bad = run("check", "../submissions/java/run_instead_of_start.java", "--rubric",
                "../rubrics/java-threads.yaml", "--no-color", "--out", tmp.resolve("page2").toString());
        assertEquals(Main.FAILURES, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("(error) Q3 run_instead_of_start.java line 10 java-run-instead-of-start"),
                bad.out());
        Outcome graded = run("grade", "../submissions/java/good_markers.java", "../submissions/java/broken_empty.java",
                "--rubric", "../rubrics/java-threads.yaml", "--out", tmp.resolve("out").toString());
        assertEquals(Main.FAILURES, graded.code(), graded.out() + graded.err());
        List<String> csv = Files.readAllLines(tmp.resolve("out/grades.csv"));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("good_markers,20,24,25,69,69,")), csv.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("out/gradescope/good_markers.json")));
        Path github = tmp.resolve("github-output");
        Outcome classroom = run("grade", "../submissions/java/good_markers.java", "--rubric",
                "../rubrics/java-threads.yaml", "--out", tmp.resolve("one").toString(), "--format", "classroom",
                "--github-output", github.toString());
        assertEquals(Main.OK, classroom.code(), classroom.out() + classroom.err());
        assertTrue(Files.readString(github).contains("result="), Files.readString(github));
    }

    @Test
    void theSpawnCheckSaysWhatBreaksUnderSpawnAndOnlyThen(@TempDir Path tmp) throws IOException {
        Outcome broken = run("check", CLI.resolve("unguarded_script.py").toString(), "--no-color", "--spawn-check");
        assertTrue(broken.out().contains("note: unguarded_script.py: Under the spawn start method")
                && broken.out().contains("RuntimeError: An attempt has been made to start a new process"), broken.out());
        Outcome clean = run("check", CLI.resolve("clean_marked.py").toString(), "--no-color", "--spawn-check");
        assertEquals(Main.OK, clean.code(), clean.out() + clean.err());
        assertFalse(clean.out().contains("spawn start method"), clean.out());
        Outcome forced = run("grade", CLI.resolve("unguarded_script.py").toString(), "--out", tmp.toString(),
                "--start-method", "spawn", "--timeout", "5s", "--memory", "300MiB", "--processes", "16",
                "--file-size", "4MiB", "--cpu-time", "5s", "--max-output", "64KiB");
        JsonNode q3 = new ObjectMapper().readTree(tmp.resolve("results.json").toFile()).get("submissions").get(0)
                .get("questions").get(2);
        assertTrue(q3.get("run").get("stderr").asText().contains("RuntimeError"), forced.out() + q3);
        Outcome bad = run("check", CLI.resolve("clean_marked.py").toString(), "--start-method", "vfork", "--memory",
                "lots", "--isolation", "chroot");
        assertEquals(Main.USAGE, bad.code());
        assertTrue(bad.err().contains("--start-method must be fork, spawn or forkserver, not 'vfork'")
                && bad.err().contains("--memory 'lots' is not a size") && bad.err().contains("unknown isolation layer"),
                bad.err());
    }

    @Test
    void aRequiredLayerThatIsNotAvailableRefusesToGrade() {
        Outcome o = run("check", CLI.resolve("clean_marked.py").toString(), "--isolation", "plain",
                "--require-isolation", "bubblewrap");
        assertEquals(Main.ENVIRONMENT, o.code());
        assertTrue(o.err().contains("below the required 'bubblewrap'") && o.err().contains("WARNING"), o.err());
    }

    @Test
    void asRootStudentsCodeNeverRunsUnsandboxedUnlessAskedFor(@TempDir Path tmp) throws Exception {
        assumeTrue(Sandbox.isRoot(), "the grader does not run as root here");
        // an interpreter only root can reach, and no layer above a dedicated uid allowed: only plain is left
        Path hidden = Files.createDirectories(tmp.resolve("hidden"));
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
        Path exe = hidden.resolve("python3");
        Files.writeString(exe, "#!/bin/sh\nexec python3 \"$@\"\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        Outcome refused = run("check", CLI.resolve("clean_marked.py").toString(), "--python", exe.toString(),
                "--isolation", "uid");
        assertEquals(Main.ENVIRONMENT, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("Refusing to run students' programs as root without a sandbox"),
                refused.err());
    }

    @Test
    void classroomAndGradescopeResultsCarryTheRubricsPoints(@TempDir Path tmp) throws IOException {
        Path output = tmp.resolve("github_output");
        Files.writeString(output, "earlier=1\n");
        Outcome o = run("grade", "../submissions/py_last_joined_unused_pool_fifth_no_args.py", "--out",
                tmp.resolve("out").toString(), "--format", "classroom,gradescope", "--github-output", output.toString());
        assertEquals(Main.OK, o.code(), o.out() + o.err());
        List<String> lines = Files.readAllLines(output);
        assertEquals("earlier=1", lines.get(0));
        assertTrue(lines.get(1).startsWith("result="), lines.toString());
        JsonNode classroom = new ObjectMapper().readTree(Base64.getDecoder().decode(lines.get(1).substring(7)));
        JsonNode results = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile()).get("submissions").get(0);
        double score = 0;
        double max = 0;
        for (JsonNode t : classroom.get("tests")) {
            score += t.get("score").asDouble();
            max += t.get("max_score").asDouble();
        }
        assertEquals(100, max, 1e-9);
        assertEquals(classroom.get("max_score").asDouble(), max, 1e-9);
        assertEquals(results.get("points").asDouble(), score, 1e-9);
        assertEquals("fail", classroom.get("status").asText());
        JsonNode gradescope = new ObjectMapper().readTree(tmp.resolve("out/results/results.json").toFile());
        assertEquals(results.get("points").asDouble(), gradescope.get("score").asDouble(), 1e-9);
        assertTrue(Files.exists(tmp.resolve("out/junit.xml")));
        // the real batch's results.json follows the documented schema too
        assertEquals(List.of(), SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(Files.readString(Path.of("../docs/results.schema.json")), InputFormat.JSON)
                .validate(Files.readString(tmp.resolve("out/results.json")), InputFormat.JSON));
        assertTrue(Files.exists(tmp.resolve("out/classroom/py_last_joined_unused_pool_fifth_no_args.json")));
        Outcome two = run("grade", "../submissions/py_comment_markers.py", "../submissions/py_agrgs_typo.py", "--out",
                tmp.resolve("two").toString(), "--format", "classroom", "--github-output", output.toString());
        assertEquals(Main.USAGE, two.code());
        assertTrue(two.err().contains("reports one submission; 2 were given"), two.err());
        assertTrue(!Files.exists(tmp.resolve("two/results.json")), "refused before grading");
        assertEquals(Main.USAGE, run("grade", "../submissions/py_comment_markers.py", "--format", "moodle").code());
    }

    @Test
    void theGradescopeZipHoldsTheGraderTheRubricAndScriptsThatParse(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("grader.jar"), "not really a jar");
        Path zip = tmp.resolve("autograder.zip");
        Outcome o = run("gradescope-zip", "--out", zip.toString(), "--jar", jar.toString(), "--rubric",
                "../rubrics/multiprocessing.yaml");
        assertEquals(Main.OK, o.code(), o.err());
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Set.of("grader.jar", "rubric.yaml", "run_autograder", "setup.sh"), entries.keySet());
        assertEquals(Files.readString(Path.of("../rubrics/multiprocessing.yaml")), entries.get("rubric.yaml"));
        assertTrue(entries.get("run_autograder").contains("--format gradescope"));
        for (String script : List.of("setup.sh", "run_autograder")) {
            Path f = Files.writeString(tmp.resolve(script), entries.get(script));
            Process bash = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
            assertEquals(0, bash.waitFor(), script + ": " + new String(bash.getInputStream().readAllBytes()));
        }
        assertEquals(Main.USAGE, run("gradescope-zip", "--out", zip.toString(), "--jar", jar.toString(), "--rubric",
                tmp.resolve("none.yaml").toString()).code());
        // a Java rubric ships its instructor tests beside it, and the image gets a compiler
        Outcome java = run("gradescope-zip", "--out", zip.toString(), "--jar", jar.toString(), "--rubric",
                "../rubrics/java-threads.yaml");
        assertEquals(Main.OK, java.code(), java.err());
        Map<String, String> javaEntries = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                javaEntries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Files.readString(Path.of("../rubrics/java-tests/Q5Test.java")),
                javaEntries.get("java-tests/Q5Test.java"));
        assertTrue(javaEntries.get("setup.sh").contains("openjdk-17-jdk-headless"));
    }

    @Test
    void manualGradesWinInEveryOutput(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("manual.csv"),
                "id,question,points,comment\npy_comment_markers,Q2,4,Too short: say what the GIL does.\n");
        Path out = tmp.resolve("out");
        Outcome o = run("grade", "../submissions/py_comment_markers.py", "--out", out.toString(), "--manual",
                csv.toString(), "--format", "classroom", "--github-output", tmp.resolve("gh").toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("submissions").get(0);
        JsonNode q2 = s.get("questions").get(1);
        assertEquals(4, q2.get("points").asInt(), o.out() + o.err());
        assertEquals("Too short: say what the GIL does.", q2.get("manual").get("comment").asText());
        assertTrue(Files.readString(out.resolve("grades.csv")).contains("py_comment_markers,10,4,"),
                Files.readString(out.resolve("grades.csv")));
        assertTrue(Files.readString(out.resolve("students/py_comment_markers.html")).contains("Graded by hand: 4/10"));
        String encoded = Files.readString(tmp.resolve("gh")).strip().substring("result=".length());
        JsonNode classroom = new ObjectMapper().readTree(Base64.getDecoder().decode(encoded));
        assertTrue(classroom.get("tests").toString().contains("\"name\":\"Q2 (graded by hand)\",\"status\":\"fail\","
                + "\"score\":4,\"max_score\":10"), classroom.toString());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "who,what\n");
        Outcome refused = run("grade", "../submissions/py_comment_markers.py", "--out", out.toString(), "--manual",
                bad.toString());
        assertEquals(Main.USAGE, refused.code());
        assertTrue(refused.err().contains("bad.csv:1: the header must name the columns id, question and points"),
                refused.err());
    }

    @Test
    void checkPrintsFindingsAtTheirLines() {
        Outcome o = run("check", "../submissions/py_last_joined_unused_pool_fifth_no_args.py", "--no-color");
        assertEquals(Main.FAILURES, o.code());
        assertTrue(o.out().contains("(warning) Q3 line 19 process-not-joined: This process is started but never joined"),
                o.out());
        assertTrue(o.out().contains("(warning) Q5 line 30 pool-not-closed: "), o.out());
    }

    @Test
    void gradesAFolderAndWritesEveryOutputEvenForAnEmptyFile(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(CLI.resolve("clean_marked.py"), in.resolve("clean_marked.py"));
        Files.copy(CLI.resolve("empty.txt"), in.resolve("empty.txt"));
        Path out = tmp.resolve("out");
        Outcome o = run("grade", in.toString(), "--out", out.toString(), "--jobs", "2");
        assertEquals(Main.FAILURES, o.code(), o.out() + o.err());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(2, results.get("submissions").size());
        JsonNode clean = results.get("submissions").get(0);
        assertEquals("clean_marked", clean.get("id").asText());
        assertEquals("graded", clean.get("status").asText(), o.out());
        assertEquals(100.0, clean.get("points").asDouble(), o.out());
        assertEquals("empty", results.get("submissions").get(1).get("status").asText());
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        assertEquals(4, csv.size(), "header, points per question, two submissions");
        assertTrue(Files.exists(out.resolve("index.html")));
        assertTrue(o.out().contains("empty"), o.out());
    }

    @Test
    void checkWritesTheStudentsPage(@TempDir Path tmp) throws IOException {
        Outcome o = run("check", CLI.resolve("clean_marked.py").toString(), "--no-color", "--out", tmp.toString());
        assertEquals(Main.OK, o.code(), o.out());
        assertTrue(o.out().contains("Page: " + tmp.resolve("students").resolve("clean_marked.html")), o.out());
        assertTrue(Files.readString(tmp.resolve("students/clean_marked.html")).contains("<h1>clean_marked</h1>"));
    }

    @Test
    void checkPassesACleanSubmission() {
        Outcome o = run("check", CLI.resolve("clean_marked.py").toString(), "--no-color");
        assertEquals(Main.OK, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("process_joined"), o.out());
    }

    @Test
    void checkFailsAnEmptyFile() {
        Outcome o = run("check", CLI.resolve("empty.txt").toString(), "--no-color");
        assertEquals(Main.FAILURES, o.code(), o.out() + o.err());
    }

    @Test
    void anInvalidRubricIsAUsageErrorWithItsLine() {
        Outcome o = run("check", CLI.resolve("clean_marked.py").toString(), "--rubric", CLI.resolve("bad-rubric.yaml").toString());
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("bad-rubric.yaml:7: 'points' must be a number"), o.err());
    }

    @Test
    void aMissingInterpreterIsAnEnvironmentError() {
        Outcome o = run("check", CLI.resolve("clean_marked.py").toString(), "--python", "/no/such/python3");
        assertEquals(Main.ENVIRONMENT, o.code());
        assertTrue(o.err().contains("was not found"), o.err());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path tmp) {
        assertEquals(Main.USAGE, run("grade", tmp.resolve("nothing-here").toString()).code());
        assertEquals(Main.USAGE, run("grade", tmp.toString(), "--jobs", "0").code());
        assertEquals(Main.USAGE, run("grade").code());
        assertEquals(Main.USAGE, run("frobnicate").code());
    }
}

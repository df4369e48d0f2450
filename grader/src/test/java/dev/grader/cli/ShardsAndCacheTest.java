package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.ResultCodec;
import dev.grader.judge.SubmissionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grade a batch in shards and merge them: the outputs equal one run's (but for timings). Grade it again into
 * the same folder: unchanged submissions reuse their results, a changed one is graded again.
 */
class ShardsAndCacheTest {

    private static final List<String> SAMPLES = List.of("ipynb_clean.ipynb", "py_comment_markers.py",
            "broken_empty.txt", "md_export_executor_pids.md", "txt_in_prompts_start_no_join.txt");

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path batch(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("batch"));
        for (String s : SAMPLES) {
            Files.copy(Path.of("../submissions").resolve(s), dir.resolve(s));
        }
        return dir;
    }

    /** Return a report's text with what changes from run to run (times, durations) masked. */
    private static String masked(Path file) throws IOException {
        return Files.readString(file).replaceAll("\"graded_at\" : \"[^\"]*\"", "\"graded_at\" : \"T\"")
                .replaceAll("\"(wall_ms|from_ms|to_ms)\" : \\d+", "\"$1\" : 0")
                .replaceAll("\\d+ ms", "N ms").replaceAll("time=\"[0-9.]+\"", "time=\"T\"")
                .replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"T\"");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".cache")).sorted().toList();
        }
    }

    @Test
    void mergedShardsEqualOneRun(@TempDir Path tmp) throws IOException {
        Path batch = batch(tmp);
        Outcome one = run("grade", batch.toString(), "--out", tmp.resolve("one").toString(), "--no-cache");
        assertEquals(Main.FAILURES, one.code(), one.err());
        for (int i = 0; i < 3; i++) {
            Outcome s = run("grade", batch.toString(), "--out", tmp.resolve("s" + i).toString(), "--shard", i + "/3");
            assertTrue(s.out().contains("Shard " + i + "/3: "), s.out());
        }
        Outcome merged = run("merge", tmp.resolve("s2").toString(), tmp.resolve("s0").toString(),
                tmp.resolve("s1").toString(), "--out", tmp.resolve("merged").toString());
        assertEquals(Main.FAILURES, merged.code(), merged.err());
        assertTrue(merged.out().contains("Merged 3 shards"), merged.out());
        assertEquals(files(tmp.resolve("one")), files(tmp.resolve("merged")));
        assertEquals(Files.readString(tmp.resolve("one/grades.csv")), Files.readString(tmp.resolve("merged/grades.csv")));
        // every grade, verdict, feedback and finding is the one run's; only what concurrency varies may differ
        // (which worker ran which task, the order children's lines interleave, times)
        assertEquals(grades(tmp.resolve("one")), grades(tmp.resolve("merged")));
        // and the merged results are exactly the shards' results
        List<SubmissionResult> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shards.addAll(ResultCodec.readBatch(Files.readString(tmp.resolve("s" + i).resolve("batch.json")))
                    .batch().submissions());
        }
        shards.sort(Comparator.comparing(SubmissionResult::id));
        assertEquals(shards, ResultCodec.readBatch(Files.readString(tmp.resolve("merged/batch.json"))).batch()
                .submissions());
    }

    /** Return every grade of an output folder: status, points, verdicts with feedback, findings. */
    private static List<String> grades(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (SubmissionResult s : ResultCodec.readBatch(Files.readString(dir.resolve("batch.json"))).batch()
                .submissions()) {
            out.add(s.id() + " " + s.status() + " " + s.reason() + " " + s.points());
            for (QuestionResult q : s.questions()) {
                out.add(q.id() + " " + q.status() + " " + q.points() + " " + q.findings());
                for (CheckResult c : q.checks()) {
                    out.add(c.id() + " " + c.verdict() + " " + c.points() + " " + c.feedback().replaceAll("\\d+ ms",
                            "N ms"));
                }
            }
        }
        return out;
    }

    @Test
    void foldersThatAreNotTheShardsOfOneBatchAreRefusedWithEveryReason(@TempDir Path tmp) throws IOException {
        Path batch = batch(tmp);
        run("grade", batch.toString(), "--out", tmp.resolve("s0").toString(), "--shard", "0/3");
        run("grade", batch.toString(), "--out", tmp.resolve("t1").toString(), "--shard", "1/2");
        Outcome bad = run("merge", tmp.resolve("s0").toString(), tmp.resolve("s0").toString(),
                tmp.resolve("t1").toString(), tmp.resolve("nothing").toString(), "--out", tmp.resolve("m").toString());
        assertEquals(Main.USAGE, bad.code());
        assertTrue(bad.err().contains("nothing/batch.json: cannot be read"), bad.err());
        Outcome mixed = run("merge", tmp.resolve("s0").toString(), tmp.resolve("s0").toString(),
                tmp.resolve("t1").toString(), "--out", tmp.resolve("m").toString());
        assertEquals(Main.USAGE, mixed.code());
        assertTrue(mixed.err().contains("shard 1/2 of 5 submissions, but"), mixed.err());
        assertTrue(mixed.err().contains("shard 0/3 is also"), mixed.err());
        assertTrue(mixed.err().contains("shard 2/3 is missing"), mixed.err());
        assertEquals(Main.USAGE, run("grade", batch.toString(), "--shard", "3/3").code());
        assertEquals(Main.USAGE, run("grade", batch.toString(), "--shard", "one").code());
    }

    @Test
    void gradingAgainReusesUnchangedSubmissions(@TempDir Path tmp) throws IOException {
        Path batch = batch(tmp);
        Path out = tmp.resolve("out");
        Outcome first = run("grade", batch.toString(), "--out", out.toString(), "--timings");
        assertTrue(!first.out().contains("Reused"), first.out());
        assertTrue(first.err().matches("(?s).*Timings: Python probe [0-9.]+ s; .* runs and judging [0-9.]+ s \\(\\d+ "
                + "runs, mean per run: setup [0-9.]+ ms, program [0-9.]+ ms .*"), first.err());
        String before = masked(out.resolve("results.json"));
        Outcome again = run("grade", batch.toString(), "--out", out.toString());
        assertTrue(again.out().contains("Reused 5 unchanged results"), again.out());
        assertEquals(before, masked(out.resolve("results.json")));
        Files.writeString(batch.resolve("py_comment_markers.py"), "\n# one more line\n",
                StandardOpenOption.APPEND);
        Outcome changed = run("grade", batch.toString(), "--out", out.toString());
        assertTrue(changed.out().contains("Reused 4 unchanged results"), changed.out());
        Outcome fresh = run("grade", batch.toString(), "--out", out.toString(), "--no-cache");
        assertTrue(!fresh.out().contains("Reused"), fresh.out());
        // what --no-cache graded is kept for the next run
        Outcome after = run("grade", batch.toString(), "--out", out.toString());
        assertTrue(after.out().contains("Reused 5 unchanged results"), after.out());
        // another rubric (a shorter time limit) is another key
        Outcome limits = run("grade", batch.toString(), "--out", out.toString(), "--timeout", "9s");
        assertTrue(!limits.out().contains("Reused"), limits.out());
    }

    @Test
    void theShippedExamplesRunAsManyShardsAsTheyCutAndMergeThemAll() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode gha = yaml.readTree(Path.of("../examples/github-actions-shards.yml").toFile());
        int matrix = gha.at("/jobs/shard/strategy/matrix/shard").size();
        String steps = gha.at("/jobs/shard/steps").toString() + gha.at("/jobs/merge/steps").toString();
        assertTrue(steps.contains("--shard ${{ matrix.shard }}/" + matrix), steps);
        for (int i = 0; i < matrix; i++) {
            assertTrue(steps.contains(" shard-" + i), "merge takes shard " + i + ": " + steps);
        }
        List<JsonNode> jobs = new ArrayList<>();
        yaml.readValues(yaml.getFactory().createParser(Path.of("../examples/k8s-indexed-job.yaml").toFile()),
                JsonNode.class).forEachRemaining(jobs::add);
        int completions = jobs.get(0).at("/spec/completions").asInt();
        assertEquals("Indexed", jobs.get(0).at("/spec/completionMode").asText());
        assertTrue(jobs.get(0).toString().contains("--shard $JOB_COMPLETION_INDEX/" + completions), jobs.get(0).toString());
        for (int i = 0; i < completions; i++) {
            assertTrue(jobs.get(1).toString().contains("/data/shards/shard-" + i), jobs.get(1).toString());
        }
    }
}

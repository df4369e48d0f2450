package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grader.analyse.Finding;
import dev.grader.analyse.Severity;
import dev.grader.build.Program;
import dev.grader.ingest.Note;
import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CodeListing;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.RunSummary;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import dev.grader.run.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write every report with one entry per submission, exact fields, and everything a student wrote escaped. */
public class ReportWriterTest {

    public static BatchResult batch() {
        CheckResult ran = new CheckResult("runs", "runs", Verdict.PASS, 4, 4, "The program ran.", List.of("exit code 0"));
        CheckResult joined = new CheckResult("process_joined", "process_joined", Verdict.FAIL, 0, 8,
                "Call join().", List.of("Process-1 started at line 3 was never joined"));
        RunSummary run = new RunSummary(0, false, 120, "<script>alert(1)</script>\n", "", null,
                List.of(new RunSummary.UnitOutput("process f(1)", "process", "</pre><b>x</b>", null)), null,
                List.of(new RunSummary.Hang("Process-2 receive()", "waiting in multiprocessing/connection.py _recv(), "
                        + "called from line 3 (x = c.recv())", List.of("line 3 in receive: x = c.recv() # <i>"))),
                List.of(new Trace.Span("main", "alive", 0, 120, "main process"),
                        new Trace.Span("Process-1", "alive", 10, 90, "Process-1 f() <b>pid</b> 7"),
                        new Trace.Span("Process-1", "join", 95, 95, "joined by the parent")));
        CodeListing code = new CodeListing("a.py", List.of(new CodeListing.Line(0, "import os"),
                new CodeListing.Line(3, "p.start()  # <script>evil()</script>")));
        QuestionResult q3 = new QuestionResult("Q3", "Create a process", "code", "ran", "heading 'Q3' at line 1", 4, 20,
                List.of(ran, joined), code, run, "", List.of(new Note("a.py", 2, "a note <i>here</i>")),
                List.of(new Finding("process-not-joined", Severity.WARNING, new Program.Origin("a.py", 3),
                        "never <b>joined</b>")));
        QuestionResult q1 = new QuestionResult("Q1", "What is it", "prose", "answered", "heading", 2.5, 10,
                List.of(new CheckResult("answered", "answered", Verdict.PASS, 2.5, 10, "Answered.", List.of())), null, null,
                "Über prose — ünïcode", List.of(), List.of());
        SubmissionResult good = new SubmissionResult("=cmd|evil", "=cmd|evil.py", "py", "graded", null, 6.5, 30,
                List.of(q1, q3), List.of());
        QuestionResult timeout = new QuestionResult("Q3", "Create a process", "code", "timeout", "heading", 0, 20,
                List.of(), null, new RunSummary(-9, true, 10000, "", "", null, List.of()), "", List.of(), List.of());
        SubmissionResult slow = new SubmissionResult("slow, \"one\"", "slow.txt", "text", "graded_with_errors",
                "Q3 timeout", 0, 30, List.of(timeout), List.of());
        SubmissionResult broken = new SubmissionResult("<broken>", "b.ipynb", "unknown", "invalid",
                "b.ipynb:2: not valid notebook JSON", 0, 30, List.of(), List.of(new Note("b.ipynb", 2, "bad")));
        return new BatchResult("multiprocessing", "Multiprocessing <Q1-Q6>", "1", "rubrics/x.yaml", "0.1", "plain",
                "python3 3.11.2", Instant.parse("2026-01-02T03:04:05Z"), List.of(good, slow, broken));
    }

    @Test
    void resultsJsonHasTheDocumentedShape(@TempDir Path out) throws IOException {
        new ReportWriter(null).write(batch(), out);
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(1, r.get("schema").asInt());
        assertEquals("2026-01-02T03:04:05Z", r.get("graded_at").asText());
        assertEquals(3, r.get("submissions").size());
        JsonNode s = r.get("submissions").get(0);
        assertEquals("=cmd|evil", s.get("id").asText());
        assertTrue(s.get("points").isNumber());
        assertEquals(6.5, s.get("points").asDouble());
        assertEquals(30, s.get("max_points").asInt());
        JsonNode q3 = s.get("questions").get(1);
        assertEquals("fail", q3.get("checks").get(1).get("status").asText());
        assertEquals("Process-1 started at line 3 was never joined", q3.get("checks").get(1).get("evidence").get(0).asText());
        assertEquals(3, q3.get("code").get("lines").get(1).get("n").asInt());
        assertEquals("process f(1)", q3.get("run").get("units").get(0).get("label").asText());
        assertTrue(s.get("questions").get(0).get("run").isNull());
        JsonNode finding = q3.get("findings").get(0);
        assertEquals("process-not-joined", finding.get("rule").asText());
        assertEquals("warning", finding.get("severity").asText());
        assertEquals("Q3", finding.get("question").asText());
        assertEquals("a.py", finding.get("file").asText());
        assertEquals(3, finding.get("line").asInt());
        assertEquals("never <b>joined</b>", finding.get("message").asText());
        assertEquals(0, s.get("questions").get(0).get("findings").size());
        JsonNode hang = q3.get("run").get("hangs").get(0);
        assertEquals("Process-2 receive()", hang.get("process").asText());
        assertTrue(hang.get("blocked_at").asText().startsWith("waiting in multiprocessing/connection.py _recv()"));
        assertEquals("line 3 in receive: x = c.recv() # <i>", hang.get("frames").get(0).asText());
        assertEquals("invalid", r.get("submissions").get(2).get("status").asText());
        assertEquals(2, r.get("submissions").get(2).get("notes").get(0).get("line").asInt());
    }

    @Test
    void gradesCsvHasOneQuotedDefusedRowPerSubmission(@TempDir Path out) throws IOException {
        new ReportWriter(null).write(batch(), out);
        List<String> lines = Files.readAllLines(out.resolve("grades.csv"));
        assertEquals(List.of("id,Q1,Q3,total,max,percent,status", "points-per-question,10,20,30,30,100,",
                "'=cmd|evil,2.5,4,6.5,30,21.67,graded", "\"slow, \"\"one\"\"\",0,0,0,30,0,graded_with_errors",
                "<broken>,0,0,0,30,0,invalid"), lines.stream().map(String::strip).toList());
    }

    @Test
    void htmlEscapesEverythingTheStudentWroteAndLinksEveryStudent(@TempDir Path out) throws IOException {
        List<Path> written = new ReportWriter(null).write(batch(), out);
        // results.json, grades.csv, junit.xml, index.html, 3 student pages, 3 Classroom and 3 Gradescope results
        assertEquals(13, written.size());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"students/_cmd_evil.html\""), index);
        assertTrue(index.contains("&lt;broken&gt;"));
        assertFalse(index.contains("<broken>"));
        assertTrue(index.contains("Needs a look"));
        assertTrue(index.contains("Q3 timed out"));
        assertTrue(index.contains("Multiprocessing &lt;Q1-Q6&gt;"));
        // the class at a glance: ten bins of totals, each check's pass rate, each rule's count
        assertEquals(10, index.split("<rect ").length - 1);
        assertTrue(index.contains("<title>20-29%: 1</title>") && index.contains("<title>0-9%: 2</title>"), index);
        assertTrue(index.contains("<td>Q3 process_joined</td><td>0/1</td>"), index);
        assertTrue(index.contains("<td><code>process-not-joined</code></td><td><span class=\"sev\">warning</span></td><td>1</td>"),
                index);
        String page = Files.readString(out.resolve("students/_cmd_evil.html"));
        assertFalse(page.contains("<script>"), "raw script in the page");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("&lt;/pre&gt;&lt;b&gt;x&lt;/b&gt;"));
        assertTrue(page.contains("Über prose — ünïcode"));
        assertTrue(page.contains("a note &lt;i&gt;here&lt;/i&gt;"));
        assertTrue(page.contains("class=\"fail\">FAIL"));
        assertFalse(page.contains("<b>joined</b>"), "raw markup from a finding");
        assertTrue(page.contains("<code>process-not-joined</code>: never &lt;b&gt;joined&lt;/b&gt;"), page);
        // the finding sits in the listing right under its line, which is marked
        int flagged = page.indexOf("<tr class=\"flagged\" id=\"Q3-La.py-3\"><td class=\"n\">3</td>");
        assertTrue(flagged > 0, page);
        assertTrue(page.indexOf("<tr class=\"finding sev-warning\">", flagged) > flagged, page);
        assertTrue(page.contains("href=\"#Q3-La.py-3\""), page);
        assertTrue(page.contains("Where each process was stuck"), page);
        assertTrue(page.contains("Isolation of the runs: "), page);
        assertTrue(page.contains("<title>Process-1 f() &lt;b&gt;pid&lt;/b&gt; 7: 10-90 ms</title>"), page);
        assertTrue(page.contains("class=\"join\"><title>joined by the parent at 95 ms</title>"), page);
        assertTrue(page.contains("<code>line 3 in receive: x = c.recv() # &lt;i&gt;</code>"), page);
        assertTrue(Files.exists(out.resolve("students/_broken_.html")));
    }

    @Test
    void aTemplatesFolderOverridesOnlyTheTemplatesItHas(@TempDir Path out) throws IOException {
        new ReportWriter(Path.of("src/test/resources/report/custom")).write(batch(), out);
        assertEquals("<p>custom index for multiprocessing with 3 rows</p>", Files.readString(out.resolve("index.html")).strip());
        assertTrue(Files.readString(out.resolve("students/_broken_.html")).contains("<!DOCTYPE html>"));
    }

    @Test
    void pageNamesAreSafeAndUnique() {
        SubmissionResult a = new SubmissionResult("a b", "", "", "graded", null, 0, 0, List.of(), List.of());
        SubmissionResult b = new SubmissionResult("a_b", "", "", "graded", null, 0, 0, List.of(), List.of());
        SubmissionResult c = new SubmissionResult("../x", "", "", "graded", null, 0, 0, List.of(), List.of());
        BatchResult batch = new BatchResult("a", "t", "1", "s", "v", "i", "p", Instant.EPOCH, List.of(a, b, c));
        assertEquals(List.of("a_b.html", "a_b-2.html", "_.._x.html"), ReportWriter.pageNames(batch));
        assertEquals("2.5", ReportWriter.number(2.5));
        assertEquals("0.33", ReportWriter.number(1.0 / 3));
    }
}
